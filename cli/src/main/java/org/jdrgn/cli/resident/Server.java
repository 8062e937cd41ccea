package org.jdrgn.cli.resident;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.graalvm.polyglot.Engine;
import org.jdrgn.lang.python.PythonEngine;

/**
 * The resident jdrgn: one warm JVM and GraalPy engine behind a per-user Unix socket, serving
 * CLI runs each on a fresh context. It exits when idle, when asked, and when a client comes
 * from a rebuilt jar; a lock file keeps it to one server per socket.
 */
public final class Server implements AutoCloseable {
    /** Seconds without a client before the server exits (JDRGN_RESIDENT_IDLE overrides). */
    static final long DEFAULT_IDLE_SECONDS = 900;
    private static final long IDLE_GC_NANOS = 2_000_000_000L;

    private final Path socket;
    private final String stamp;
    private final Duration idle;
    private final Engine engine;
    private final Spares spares;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong lastActive = new AtomicLong(System.nanoTime());
    private volatile boolean collected = true;         // nothing to give back since the last idle GC
    private ServerSocketChannel listener;
    private FileChannel lockFile;
    private volatile boolean stopping;

    public Server(Path socket, String stamp, Duration idle) {
        this.socket = socket;
        this.stamp = stamp;
        this.idle = idle;
        this.engine = PythonEngine.newEngine();
        this.spares = new Spares(engine);
    }

    public static void main(String[] args) throws IOException {
        Path jar = Protocol.codeSource();
        String sock = System.getProperty("jdrgn.resident.socket");
        String idle = System.getenv("JDRGN_RESIDENT_IDLE");
        Duration d = Duration.ofSeconds(idle != null && idle.matches("\\d{1,9}") ? Long.parseLong(idle) : DEFAULT_IDLE_SECONDS);
        Path socket = sock != null ? Path.of(sock) : Protocol.socketFor(jar);
        try (Server s = new Server(socket, Protocol.stamp(jar), d)) {
            if (!s.bind()) {
                System.err.println("jdrgn resident: another server owns " + socket);
                return;
            }
            System.err.println("jdrgn resident: serving " + socket + " (pid " + ProcessHandle.current().pid() + ")");
            Runtime.getRuntime().addShutdownHook(new Thread(s::shutdown));   // kill: leave no stale socket
            s.serve();
            s.awaitRuns();
        }
        System.exit(0);                                // daemon threads aside, nothing must keep this JVM alive
    }

    String stamp() { return stamp; }

    Spares spares() { return spares; }

    /** Takes the lock and the socket; false if another server holds them. */
    public boolean bind() throws IOException {
        Path dir = socket.getParent();
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        lockFile = FileChannel.open(dir.resolve(socket.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockFile.tryLock();
        if (lock == null) return false;
        Files.deleteIfExists(socket);                  // stale: its server is gone (we hold the lock)
        listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listener.bind(UnixDomainSocketAddress.of(socket));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(pidFile(), ProcessHandle.current().pid() + "\n");
        return true;
    }

    /** Where the server's pid is while it serves (for benchmarks and --resident-stop's callers). */
    Path pidFile() { return socket.resolveSibling(socket.getFileName() + ".pid"); }

    /** Accepts clients until stopped or idle; each client gets its own thread. */
    public void serve() throws IOException {
        Thread watchdog = Thread.ofPlatform().daemon().name("jdrgn-idle").start(this::watchIdle);
        try {
            while (!stopping) {
                SocketChannel ch;
                try {
                    ch = listener.accept();
                } catch (java.nio.channels.ClosedChannelException e) {
                    break;
                }
                active.incrementAndGet();
                Thread.ofPlatform().name("jdrgn-run").start(() -> {
                    try (ch) {
                        new Connection(ch, this).serve();
                    } catch (IOException | InterruptedException | RuntimeException e) {
                        // a client that left mid-run; the run was cancelled
                    } finally {
                        lastActive.set(System.nanoTime());
                        collected = false;
                        active.decrementAndGet();
                    }
                });
            }
        } finally {
            watchdog.interrupt();
        }
    }

    /** Waits for runs in progress (a stop or a stale client must not cut another client's run short). */
    void awaitRuns() {
        try {
            while (active.get() > 0) Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void watchIdle() {
        try {
            while (!stopping) {
                Thread.sleep(Math.min(1000, Math.max(100, idle.toMillis() / 4)));
                long quiet = System.nanoTime() - lastActive.get();
                if (active.get() == 0 && quiet > idle.toNanos()) shutdown();
                if (active.get() == 0 && !collected && quiet > IDLE_GC_NANOS) {
                    // Between runs: unmap the last run's files and shrink the heap, so a resident
                    // server holds its warm engine and spare, not the last dump.
                    collected = true;
                    System.gc();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops accepting; runs in progress finish. */
    void shutdown() {
        stopping = true;
        try {
            if (listener != null) {
                Files.deleteIfExists(socket);
                Files.deleteIfExists(pidFile());
                listener.close();
            }
        } catch (IOException ignored) {
            // exiting anyway
        }
    }

    @Override
    public void close() {
        shutdown();
        spares.close();
        try {
            if (lockFile != null) lockFile.close();
        } catch (IOException ignored) {
            // exiting anyway
        }
    }
}
