package org.jdrgn.cli.resident;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The resident server's wire format, over a per-user Unix domain socket. The client sends
 * one {@link Request}, then answers the server's frames: the server sends {@code OUT}/{@code ERR}
 * bytes, asks for stdin with {@code READ} (so nothing is read from the terminal that the
 * script does not want), and ends with {@code EXIT}. Every frame is a type byte, an int
 * (a length, a count or a status) and that many bytes for the data frames.
 * Only JDK classes here: the client loads this and must start in milliseconds.
 */
public final class Protocol {
    static final int MAGIC = 0x6a647231;                // "jdr1"; bump on any format change

    // server -> client
    static final byte OUT = 1, ERR = 2, READ = 3, EXIT = 4, REFUSED = 5;
    // client -> server
    static final byte DATA = 1, EOF = 2, INTERRUPT = 3;

    /** Request kinds. */
    static final int RUN = 0, STOP = 1, PING = 2;

    static final int MAX_STRING = 64 << 20;            // bounds a corrupt length before allocating
    static final int MAX_COUNT = 1 << 16;

    private Protocol() {}

    /** Which build a process runs: a server only serves clients from the same jar bytes. */
    static String stamp(Path jar) {
        try {
            return jar.toAbsolutePath() + ":" + Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            return jar.toAbsolutePath() + ":unreadable";
        }
    }

    /** The jar (or classes directory) this class came from. */
    static Path codeSource() {
        try {
            return Path.of(Protocol.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Path.of("unknown");
        }
    }

    /**
     * The per-user directory for sockets: $XDG_RUNTIME_DIR/jdrgn (tmpfs, the user's own, 0700),
     * else ~/.cache/jdrgn/run. Sockets are named after the jar's path, so builds in different
     * directories each get their own server.
     */
    static Path runDir() {
        String xdg = System.getenv("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isEmpty() && Files.isDirectory(Path.of(xdg))) return Path.of(xdg, "jdrgn");
        return Path.of(System.getProperty("user.home"), ".cache", "jdrgn", "run");
    }

    static Path socketFor(Path jar) {
        String p = jar.toAbsolutePath().normalize().toString();
        return runDir().resolve("resident-" + Integer.toHexString(p.hashCode()) + ".sock");
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_STRING) throw new IOException("bad string length " + n);
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    static int readCount(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_COUNT) throw new IOException("bad count " + n);
        return n;
    }

    /** Reads a frame type, or -1 at the end of the stream. */
    static int readType(DataInputStream in) throws IOException {
        try {
            return in.readUnsignedByte();
        } catch (EOFException e) {
            return -1;
        }
    }
}
