package org.jdrgn.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jdrgn.bytes.FormatException;

/**
 * A file read with positional reads (pread) into heap buffers, never mapped: for /proc/kcore,
 * which cannot be mapped (ENODEV) and whose st_size (e.g. 128 TiB) is the span of kernel
 * addresses, not bytes, and for any file whose size is not trusted. Safe for concurrent reads.
 */
public final class PositionalFile implements VmcoreBytes {
    private final Path path;
    private final long size;
    private volatile FileChannel channel;

    private PositionalFile(Path path, FileChannel channel, long size) {
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    /** @param trustSize whether st_size is the real size; if not, reads end only where the file does */
    public static PositionalFile open(Path path, boolean trustSize) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        return new PositionalFile(path, ch, trustSize ? ch.size() : Long.MAX_VALUE);
    }

    /** True for a file in procfs, whose st_size is not its size and which cannot be mapped. */
    public static boolean inProcfs(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        if (abs.startsWith("/proc")) return true;
        try {
            return java.nio.file.Files.getFileStore(path).type().equals("proc");
        } catch (IOException | RuntimeException e) {
            return false; // not there or not a file system that says: open() reports the real error
        }
    }

    public Path path() { return path; }

    @Override public long size() { return size; }

    @Override
    public int read(long offset, byte[] dst, int off, int len) throws IOException {
        if (offset < 0 || offset >= size) return 0;
        int want = (int) Math.min(len, size - offset);
        try {
            return readFrom(channel(), offset, dst, off, want);
        } catch (ClosedByInterruptException e) {
            // an interrupted read closes the channel; the next read reopens it
            throw e;
        } catch (ClosedChannelException e) {
            return readFrom(reopen(), offset, dst, off, want);
        }
    }

    /** Exactly len bytes at offset, for headers and notes; a short file is a format error. */
    public byte[] readFully(long offset, int len, String what) throws IOException {
        byte[] b = new byte[len];
        int n = read(offset, b, 0, len);
        if (n < len) {
            throw new FormatException(path.toString(), offset + n, what + " (0x" + Integer.toHexString(len)
                    + " bytes at 0x" + Long.toHexString(offset) + ") runs past the end of the file");
        }
        return b;
    }

    /** Each pass reads at least one byte or stops, so the loop is bounded by len. */
    private static int readFrom(FileChannel ch, long offset, byte[] dst, int off, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(dst, off, len);
        while (buf.hasRemaining()) {
            if (ch.read(buf, offset + buf.position() - off) <= 0) break;
        }
        return buf.position() - off;
    }

    private FileChannel channel() throws IOException {
        FileChannel ch = channel;
        return ch.isOpen() ? ch : reopen();
    }

    private synchronized FileChannel reopen() throws IOException {
        if (!channel.isOpen()) channel = FileChannel.open(path, StandardOpenOption.READ);
        return channel;
    }
}
