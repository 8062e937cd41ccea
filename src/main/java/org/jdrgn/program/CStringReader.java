package org.jdrgn.program;

import java.io.ByteArrayOutputStream;
import org.jdrgn.error.FaultException;
import org.jdrgn.error.ValueErrorException;

/**
 * drgn's {@code prog.read_c_string(address, physical, max_size=)}: the bytes before the first
 * NUL, at most {@code maxSize} of them. Reads in chunks that never cross a 256-byte boundary,
 * so a string ending just before an unmapped page is read whole; a fault before the NUL is the
 * caller's FaultError, at the first unreadable byte.
 */
public final class CStringReader {
    private CStringReader() {}

    private static final int CHUNK = 256;
    /** The most a Java array holds: the bound when no max_size is given. */
    public static final long NO_LIMIT = Integer.MAX_VALUE - 8;

    public static byte[] read(Program prog, long address, boolean physical, long maxSize) {
        if (maxSize < 0) throw new ValueErrorException("max_size cannot be negative");
        long limit = Math.min(maxSize, NO_LIMIT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        long a = address;
        while (out.size() < limit) {
            int n = (int) Math.min(Math.min(CHUNK - (a & (CHUNK - 1)), limit - out.size()), CHUNK);
            try {
                prog.read(a, chunk, 0, n, physical);
            } catch (FaultException e) {
                // the NUL may come before the fault: go byte by byte to find which comes first
                for (int i = 0; i < n; i++) {
                    prog.read(a + i, chunk, 0, 1, physical);
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
