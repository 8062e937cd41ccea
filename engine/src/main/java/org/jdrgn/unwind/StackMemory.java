package org.jdrgn.unwind;

import org.jdrgn.core.Memory;

/** Little-endian reads of saved registers from the program's (virtual) memory. */
record StackMemory(Memory memory) {
    /** An unsigned value of 1..8 bytes; FaultException if not in the dump. */
    long read(long address, int size) {
        byte[] b = new byte[size];
        memory.read(address, b, 0, size, false);
        long v = 0;
        for (int i = size - 1; i >= 0; i--) v = (v << 8) | (b[i] & 0xff);
        return v;
    }
}
