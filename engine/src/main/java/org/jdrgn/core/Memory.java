package org.jdrgn.core;

import org.jdrgn.error.FaultException;

/**
 * The one read path for target memory: every higher layer (objects, unwinder, kernel
 * helpers) reads through this, never from a file directly.
 * Addresses are unsigned 64-bit values carried in a long.
 */
public interface Memory {
    /**
     * Reads {@code len} bytes at {@code address} into {@code dst[off..off+len)}.
     * @param physical read the physical address space instead of the virtual one
     * @throws FaultException naming the first address that cannot be read
     */
    void read(long address, byte[] dst, int off, int len, boolean physical) throws FaultException;

    default byte[] read(long address, int len, boolean physical) {
        byte[] b = new byte[len];
        read(address, b, 0, len, physical);
        return b;
    }
}
