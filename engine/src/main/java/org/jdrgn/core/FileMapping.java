package org.jdrgn.core;

/** One NT_FILE entry: [start, end) maps {@code path} from byte {@code fileOffset}. */
public record FileMapping(long start, long end, long fileOffset, String path) {
    public boolean contains(long address) {
        return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
    }
}
