package org.jdrgn.core;

import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;

/**
 * The bytes of a kernel dump as its format lays them out: the mapped file itself, or the file
 * that a makedumpfile flattened stream describes. Dump readers see only this, so a diskdump
 * reads the same whether it was written seekable or streamed.
 */
public sealed interface DumpImage permits MappedImage, FlattenedImage {
    /** The file name, for messages. */
    String name();

    /** Logical size in bytes. */
    long size();

    /**
     * [offset, offset+length) as one slice: a view of the mapped file when the bytes are
     * contiguous in it, a copy otherwise.
     * @throws FormatException naming the file and offset if the range is past the end
     */
    ByteSlice slice(long offset, long length);

    /** Copies len bytes at offset into dst. */
    default void copy(long offset, byte[] dst, int dstOff, int len) {
        slice(offset, len).copy(0, dst, dstOff, len);
    }

    /** Throws unless [offset, offset+length) lies inside the image; {@code what} says what was read. */
    default void require(long offset, long length, String what) {
        if (offset < 0 || length < 0 || offset > size() - length) {
            throw new FormatException(name(), offset, what + " (0x" + Long.toHexString(length)
                    + " bytes) runs past the end of the file (size 0x" + Long.toHexString(size()) + ")");
        }
    }
}
