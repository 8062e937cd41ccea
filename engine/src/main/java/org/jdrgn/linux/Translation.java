package org.jdrgn.linux;

/** One page-table mapping: the page (4 KiB, 2 MiB or 1 GiB) at virtualBase is at physicalBase. */
public record Translation(long virtualBase, long physicalBase, long size) {
    public boolean contains(long vaddr) {
        return Long.compareUnsigned(vaddr - virtualBase, size) < 0;
    }

    public long physical(long vaddr) { return physicalBase + (vaddr - virtualBase); }

    /** Bytes from vaddr to the end of this page. */
    public long remaining(long vaddr) { return size - (vaddr - virtualBase); }
}
