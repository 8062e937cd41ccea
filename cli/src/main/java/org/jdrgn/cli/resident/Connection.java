package org.jdrgn.cli.resident;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;
import org.jdrgn.cli.Main;

/**
 * One client: its request, then one CLI run on a spare context whose streams are frames on
 * the socket. A client that goes away (or sends Ctrl-C) cancels the run.
 */
final class Connection {
    private final SocketChannel ch;
    private final Server server;

    Connection(SocketChannel ch, Server server) {
        this.ch = ch;
        this.server = server;
    }

    void serve() throws IOException, InterruptedException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(ChannelStreams.in(ch)));
        FrameWriter writer = new FrameWriter(ch);
        Request req;
        try {
            req = Request.read(in);
        } catch (IOException e) {
            return;                                    // not our client, or it left: nothing to answer
        }
        if (!req.stamp().equals(server.stamp())) {
            // The jar was rebuilt: this JVM runs old classes. Step aside; the client starts a new server.
            byte[] why = ("server runs " + server.stamp()).getBytes(StandardCharsets.UTF_8);
            writer.frame(Protocol.REFUSED, why.length, why, 0, why.length);
            server.shutdown();
            return;
        }
        switch (req.kind()) {
            case Protocol.PING -> writer.control(Protocol.EXIT, 0);
            case Protocol.STOP -> {
                writer.control(Protocol.EXIT, 0);
                server.shutdown();
            }
            case Protocol.RUN -> run(req, in, writer);
            default -> writer.control(Protocol.EXIT, 2);
        }
    }

    private void run(Request req, DataInputStream in, FrameWriter writer) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Spare spare = server.spares().take();
        long t1 = System.nanoTime();
        server.spares().refill();                      // the next run's, warmed while this one runs
        RemoteStdin stdin = new RemoteStdin(writer);
        AtomicReference<Context> running = new AtomicReference<>(spare.context);
        Thread reader = Thread.ofPlatform().daemon().name("jdrgn-client-reader").start(() -> readClient(in, stdin, running));
        PrintStream out = new PrintStream(writer.stream(Protocol.OUT), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(writer.stream(Protocol.ERR), true, StandardCharsets.UTF_8);
        int status;
        try {
            status = spare.run(() -> {
                try {
                    return Main.run(req.argv().toArray(String[]::new), stdin, out, err, Path.of(req.cwd()),
                            new ResidentContexts(spare, req.cwd(), req.env()));
                } finally {
                    running.set(null);
                    spare.context.close(true);         // Session closed it already unless it failed early
                }
            });
        } catch (java.util.concurrent.ExecutionException e) {
            err.println("jdrgn: internal error in the resident server: " + e.getCause());
            status = 1;
        }
        out.flush();
        err.flush();
        writer.control(Protocol.EXIT, status);
        reader.interrupt();
        System.err.printf("jdrgn resident: run: waited %d ms for its context, ran %d ms, status %d%n",
                (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000, status);
    }

    /** Client frames during a run: stdin data, its end, Ctrl-C; the socket's end cancels the run. */
    private static void readClient(DataInputStream in, RemoteStdin stdin, AtomicReference<Context> running) {
        try {
            while (true) {
                int type = Protocol.readType(in);
                if (type == Protocol.DATA) {
                    int n = in.readInt();
                    if (n <= 0 || n > Protocol.MAX_STRING) throw new IOException("bad stdin frame " + n);
                    byte[] b = new byte[n];
                    in.readFully(b);
                    stdin.offer(b);
                } else if (type == Protocol.EOF) {
                    in.readInt();
                    stdin.offer(RemoteStdin.END);
                } else {
                    break;                             // INTERRUPT, the end of the socket, or garbage
                }
            }
        } catch (IOException e) {
            // the client left
        }
        stdin.offer(RemoteStdin.END);
        Context c = running.get();
        if (c != null) {
            try {
                c.close(true);                         // cancels the run: the script sees KeyboardInterrupt-like exit 130
            } catch (RuntimeException ignored) {
                // already closed
            }
        }
    }
}
