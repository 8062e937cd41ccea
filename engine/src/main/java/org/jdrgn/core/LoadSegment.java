package org.jdrgn.core;

/** One PT_LOAD of a core: memory [vaddr, vaddr+memsz), of which the first filesz bytes are in the file at offset. */
public record LoadSegment(long vaddr, long memsz, long offset, long filesz, int flags) {
    public long end() { return vaddr + memsz; }

    public boolean contains(long address) {
        return Long.compareUnsigned(address, vaddr) >= 0 && Long.compareUnsigned(address - vaddr, memsz) < 0;
    }
}
