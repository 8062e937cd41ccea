package org.jdrgn.objects;

import java.io.ByteArrayOutputStream;
import org.jdrgn.error.FaultException;

/**
 * Reads a NUL-terminated string from any memory: the bytes before the first NUL (not
 * included), at most {@code limit} of them. Chunks never cross a 256-byte boundary, so a
 * string ending just before an unmapped page is read whole; a chunk that faults is retried
 * byte by byte, so the NUL wins if it comes before the fault, else the fault is thrown at the
 * first unreadable byte.
 */
public final class NulTerminated {
    private static final int CHUNK = 256;

    /** Memory to read from: fills dst[off, off + len) from address or throws. */
    @FunctionalInterface
    public interface Source {
        void read(long address, byte[] dst, int off, int len) throws FaultException;
    }

    private NulTerminated() {}

    public static byte[] read(Source memory, long address, long limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        long a = address;
        while (out.size() < limit) {
            int n = (int) Math.min(CHUNK - (a & (CHUNK - 1)), limit - out.size());
            try {
                memory.read(a, chunk, 0, n);
            } catch (FaultException e) {
                for (int i = 0; i < n; i++) {
                    memory.read(a + i, chunk, 0, 1);
                    if (chunk[0] == 0) return out.toByteArray();
                    out.write(chunk[0]);
                }
                a += n;
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (chunk[i] == 0) {
                    out.write(chunk, 0, i);
                    return out.toByteArray();
                }
            }
            out.write(chunk, 0, n);
            a += n;
        }
        return out.toByteArray();
    }
}
