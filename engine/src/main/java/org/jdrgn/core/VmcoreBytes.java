package org.jdrgn.core;

import java.io.IOException;
import org.jdrgn.bytes.ByteSlice;

/**
 * Where an ELF vmcore's PT_LOAD bytes come from: the mapped file, or positional reads of a
 * file that cannot be mapped (/proc/kcore) or whose st_size is not its real size.
 */
public interface VmcoreBytes {
    /** The file's size, or {@link Long#MAX_VALUE} when it cannot be known (procfs). */
    long size();

    /**
     * Reads up to {@code len} bytes at file offset {@code offset} into dst.
     * @return the number of bytes read: fewer than len only at the end of the file
     * @throws IOException on a read error (/proc/kcore gives EIO for some unbacked ranges)
     */
    int read(long offset, byte[] dst, int off, int len) throws IOException;

    /** The bytes of a mapped file. */
    static VmcoreBytes of(ByteSlice data) {
        return new VmcoreBytes() {
            @Override public long size() { return data.size(); }

            @Override public int read(long offset, byte[] dst, int off, int len) {
                if (offset < 0 || offset >= data.size()) return 0;
                int n = (int) Math.min(len, data.size() - offset);
                data.copy(offset, dst, off, n);
                return n;
            }
        };
    }
}
