package org.jdrgn.unwind.tables;

import org.jdrgn.bytes.ByteSlice;

/**
 * A Frame Description Entry: the CFA program for [pcBegin, pcEnd) (link-time addresses).
 * @param offset       offset of the entry in its section
 * @param cie          its CIE
 * @param instructions the FDE's own instructions (run after the CIE's initial ones)
 */
public record Fde(long offset, Cie cie, long pcBegin, long pcEnd, ByteSlice instructions) {
    public boolean contains(long pc) {
        return Long.compareUnsigned(pc, pcBegin) >= 0 && Long.compareUnsigned(pc, pcEnd) < 0;
    }
}
