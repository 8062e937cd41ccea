package org.jdrgn.program;

/** Supplies bytes for a segment added with {@link Program#addMemorySegment} (drgn's read_fn). */
@FunctionalInterface
public interface SegmentReader {
    /**
     * @param address the first address wanted
     * @param count   how many bytes
     * @param offset  address minus the segment's start
     * @return exactly {@code count} bytes
     */
    byte[] read(long address, int count, long offset, boolean physical);
}
