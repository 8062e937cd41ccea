package org.jdrgn.cli.resident;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The launcher's fast path: forwards one jdrgn run to the resident server (starting it if
 * needed) and relays stdin/stdout/stderr and the exit status. JDK classes only, so this JVM
 * starts in a few tens of milliseconds. When no server can serve the run, it exits with
 * {@link #FALLBACK} after creating the file named by {@code -Djdrgn.resident.fallback} and
 * having written nothing: the launcher then runs jdrgn in-process as usual.
 */
public final class Client {
    public static final int FALLBACK = 222;
    /** Returned by {@link #run} when the server was unavailable before anything happened. */
    static final int UNAVAILABLE = -1;

    private final Path socket;
    private final String stamp;
    private final Path launcher;                        // starts a server; null: never start one
    private final long waitMillis;

    Client(Path socket, String stamp, Path launcher, long waitMillis) {
        this.socket = socket;
        this.stamp = stamp;
        this.launcher = launcher;
        this.waitMillis = waitMillis;
    }

    public static void main(String[] args) {
        Path jar = Protocol.codeSource();
        String sock = System.getProperty("jdrgn.resident.socket");
        String launcher = System.getProperty("jdrgn.launcher");
        String wait = System.getenv("JDRGN_RESIDENT_WAIT");
        Client c = new Client(sock != null ? Path.of(sock) : Protocol.socketFor(jar), Protocol.stamp(jar),
                launcher != null ? Path.of(launcher) : null,
                1000L * (wait != null && wait.matches("\\d{1,6}") ? Long.parseLong(wait) : 60));
        int kind = Protocol.RUN;
        List<String> argv = List.of(args);
        if (!argv.isEmpty() && argv.get(0).equals("--resident-stop")) kind = Protocol.STOP;
        if (!argv.isEmpty() && argv.get(0).equals("--resident-ping")) kind = Protocol.PING;
        int status = c.run(kind, argv, System.getProperty("user.dir"), System.getenv(), System.in, System.out, System.err);
        if (status == UNAVAILABLE) {
            if (kind != Protocol.RUN) System.exit(1);
            String marker = System.getProperty("jdrgn.resident.fallback");
            try {
                if (marker != null) Files.createFile(Path.of(marker));
            } catch (IOException e) {
                System.exit(1);
            }
            status = FALLBACK;
        }
        System.exit(status);
    }

    /** One request; its exit status, or {@link #UNAVAILABLE} if no server took it. */
    int run(int kind, List<String> argv, String cwd, Map<String, String> env, InputStream stdin, OutputStream stdout,
            OutputStream stderr) {
        Request req = new Request(stamp, kind, cwd, kind == Protocol.RUN ? argv : List.of(), kind == Protocol.RUN ? env : Map.of());
        for (int attempt = 0; attempt < 2; attempt++) {
            SocketChannel ch = connect(kind == Protocol.RUN);
            if (ch == null) return UNAVAILABLE;
            try (ch) {
                int status = exchange(ch, req, stdin, stdout, stderr);
                if (status != UNAVAILABLE) return status;
            } catch (IOException e) {
                return UNAVAILABLE;
            }
            // REFUSED: a server from an older build; it is leaving. Wait until its socket is gone.
            waitGone();
            if (kind == Protocol.STOP) return 0;          // stopped all the same
        }
        return UNAVAILABLE;
    }

    private int exchange(SocketChannel ch, Request req, InputStream stdin, OutputStream stdout, OutputStream stderr)
            throws IOException {
        DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(ChannelStreams.out(ch)));
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(ChannelStreams.in(ch), 1 << 16));
        req.write(out);
        boolean started = false;
        Thread hook = new Thread(() -> interrupt(out));
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            byte[] buf = new byte[1 << 16];
            while (true) {
                int type = Protocol.readType(in);
                if (type < 0) {
                    if (!started) return UNAVAILABLE;
                    stderr.write("jdrgn: the resident server went away\n".getBytes());
                    return 1;
                }
                int n = in.readInt();
                switch (type) {
                    case Protocol.OUT, Protocol.ERR -> {
                        started = true;
                        if (n < 0 || n > Protocol.MAX_STRING) throw new IOException("bad frame " + n);
                        OutputStream o = type == Protocol.OUT ? stdout : stderr;
                        while (n > 0) {
                            int k = in.read(buf, 0, Math.min(n, buf.length));
                            if (k < 0) throw new java.io.EOFException();
                            o.write(buf, 0, k);
                            n -= k;
                        }
                        o.flush();
                    }
                    case Protocol.READ -> {
                        started = true;
                        int k = stdin.read(buf, 0, Math.max(1, Math.min(n, buf.length)));
                        synchronized (out) {
                            if (k < 0) {
                                out.writeByte(Protocol.EOF);
                                out.writeInt(0);
                            } else {
                                out.writeByte(Protocol.DATA);
                                out.writeInt(k);
                                out.write(buf, 0, k);
                            }
                            out.flush();
                        }
                    }
                    case Protocol.EXIT -> {
                        stdout.flush();
                        stderr.flush();
                        return n;
                    }
                    case Protocol.REFUSED -> {
                        in.skipNBytes(n);
                        return UNAVAILABLE;
                    }
                    default -> throw new IOException("unknown frame " + type);
                }
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running
            }
        }
    }

    /** Ctrl-C (the JVM is exiting): tell the server to cancel the run. */
    private static void interrupt(DataOutputStream out) {
        synchronized (out) {
            try {
                out.writeByte(Protocol.INTERRUPT);
                out.writeInt(0);
                out.flush();
            } catch (IOException ignored) {
                // the server is gone already
            }
        }
    }

    private SocketChannel connect(boolean mayStart) {
        SocketChannel ch = tryConnect();
        if (ch != null || !mayStart || launcher == null) return ch;
        Process p = startServer();
        if (p == null) return null;
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            ch = tryConnect();
            if (ch != null) return ch;
            // It exits at once if another server holds the lock: that one will bind soon.
            if (!p.isAlive() && p.exitValue() != 0) return null;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return null;
            }
        }
        return null;
    }

    private SocketChannel tryConnect() {
        if (!Files.exists(socket)) return null;
        try {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.connect(UnixDomainSocketAddress.of(socket));
                return ch;
            } catch (IOException e) {
                ch.close();
                return null;
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** The launcher's --resident-server, in its own session (no terminal signals), output to a log. */
    private Process startServer() {
        try {
            Path dir = socket.getParent();
            Files.createDirectories(dir);
            Path log = dir.resolve(socket.getFileName() + ".log");
            List<String> cmd = Files.isExecutable(Path.of("/usr/bin/setsid"))
                    ? List.of("/usr/bin/setsid", launcher.toString(), "--resident-server")
                    : List.of(launcher.toString(), "--resident-server");
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true);
            pb.environment().put("JDRGN_RESIDENT_SOCKET", socket.toString());
            // The server runs this client's jar as it is: never a build, never another build dir.
            Path jar = Protocol.codeSource();
            if (Files.isRegularFile(jar)) pb.environment().put("JDRGN_BUILD_DIR", jar.getParent().toString());
            pb.environment().put("JDRGN_NO_BUILD", "1");
            return pb.start();
        } catch (IOException e) {
            return null;
        }
    }

    private void waitGone() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (Files.exists(socket) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
