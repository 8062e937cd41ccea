package org.jdrgn.dwarf;

/** A half-open address range [begin, end). */
public record AddressRange(long begin, long end) {
    public boolean contains(long address) {
        return Long.compareUnsigned(address, begin) >= 0 && Long.compareUnsigned(address, end) < 0;
    }
}
