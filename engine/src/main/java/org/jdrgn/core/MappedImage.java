package org.jdrgn.core;

import org.jdrgn.bytes.ByteSlice;

/** A dump file read in place: every slice is a zero-copy view of the mapping. */
public record MappedImage(ByteSlice data) implements DumpImage {
    @Override public String name() { return data.what(); }

    @Override public long size() { return data.size(); }

    @Override public ByteSlice slice(long offset, long length) {
        require(offset, length, "read");
        return data.slice(offset, length);
    }

    @Override public void copy(long offset, byte[] dst, int dstOff, int len) {
        require(offset, len, "read");
        data.copy(offset, dst, dstOff, len);
    }
}
