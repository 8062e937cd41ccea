package org.jdrgn.program;

import org.jdrgn.objects.NulTerminated;
import org.jdrgn.error.ValueErrorException;

/**
 * drgn's {@code prog.read_c_string(address, physical, max_size=)}: the bytes before the first
 * NUL, at most {@code maxSize} of them ({@link NulTerminated}); a fault before the NUL is the
 * caller's FaultError, at the first unreadable byte.
 */
public final class CStringReader {
    private CStringReader() {}

    /** The most a Java array holds: the bound when no max_size is given. */
    public static final long NO_LIMIT = Integer.MAX_VALUE - 8;

    public static byte[] read(Program prog, long address, boolean physical, long maxSize) {
        if (maxSize < 0) throw new ValueErrorException("max_size cannot be negative");
        long limit = Math.min(maxSize, NO_LIMIT);
        return NulTerminated.read((a, dst, off, len) -> prog.read(a, dst, off, len, physical), address, limit);
    }
}
