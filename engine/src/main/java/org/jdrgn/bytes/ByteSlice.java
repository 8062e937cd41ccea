package org.jdrgn.bytes;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An immutable little- or big-endian view over bytes (usually a memory-mapped file region).
 * Readers take a slice and an offset and never copy bytes they do not need; offsets are
 * longs so that multi-gigabyte vmcores work. Out-of-range reads throw
 * {@link FormatException} naming {@code what} and the offset, never a raw IndexOutOfBounds.
 */
public record ByteSlice(MemorySegment segment, ByteOrder order, String what) {
    // One constant layout per byte order: withOrder() on every read costs a VarHandle lookup
    // (the top hotspot when indexing DWARF).
    private static final ValueLayout.OfShort U16_LE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt U32_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong U64_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort U16_BE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt U32_BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong U64_BE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    /** Maps a whole file read-only; the mapping lives as long as the JVM (shared arena is not closed). */
    public static ByteSlice map(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            MemorySegment seg = size == 0 ? MemorySegment.NULL.reinterpret(0)
                    : ch.map(FileChannel.MapMode.READ_ONLY, 0, size, Arena.ofAuto());
            return new ByteSlice(seg, ByteOrder.LITTLE_ENDIAN, file.toString());
        }
    }

    public static ByteSlice of(byte[] bytes, String what) {
        return new ByteSlice(MemorySegment.ofArray(bytes), ByteOrder.LITTLE_ENDIAN, what);
    }

    public long size() { return segment.byteSize(); }

    public ByteSlice withOrder(ByteOrder o) { return new ByteSlice(segment, o, what); }

    public ByteSlice named(String name) { return new ByteSlice(segment, order, name); }

    /** A sub-view [offset, offset+length), bounds-checked. */
    public ByteSlice slice(long offset, long length) {
        check(offset, length);
        return new ByteSlice(segment.asSlice(offset, length), order, what);
    }

    public ByteSlice slice(long offset, long length, String name) {
        return slice(offset, length).named(name);
    }

    public void check(long offset, long length) {
        if (offset < 0 || length < 0 || offset > size() - length) {
            throw new FormatException(what, offset,
                    "read of " + length + " bytes past end (size " + size() + ")");
        }
    }

    public int u8(long off) { check(off, 1); return segment.get(ValueLayout.JAVA_BYTE, off) & 0xff; }

    public int u16(long off) { check(off, 2); return segment.get(order == ByteOrder.LITTLE_ENDIAN ? U16_LE : U16_BE, off) & 0xffff; }

    public long u32(long off) { check(off, 4); return segment.get(order == ByteOrder.LITTLE_ENDIAN ? U32_LE : U32_BE, off) & 0xffffffffL; }

    public int s32(long off) { check(off, 4); return segment.get(order == ByteOrder.LITTLE_ENDIAN ? U32_LE : U32_BE, off); }

    public long u64(long off) { check(off, 8); return segment.get(order == ByteOrder.LITTLE_ENDIAN ? U64_LE : U64_BE, off); }

    /** Unsigned value of 1, 2, 4 or 8 bytes. */
    public long uN(long off, int n) {
        return switch (n) {
            case 1 -> u8(off);
            case 2 -> u16(off);
            case 4 -> u32(off);
            case 8 -> u64(off);
            default -> throw new FormatException(what, off, "bad integer size " + n);
        };
    }

    public byte[] bytes(long off, int len) {
        check(off, len);
        byte[] out = new byte[len];
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, off, out, 0, len);
        return out;
    }

    public void copy(long off, byte[] dst, int dstOff, int len) {
        check(off, len);
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, off, dst, dstOff, len);
    }

    /** Length of the NUL-terminated string at off (not counting the NUL). */
    public int cstrlen(long off) {
        long end = off;
        long size = size();
        if (off < 0 || off >= size) throw new FormatException(what, off, "string offset out of range");
        while (end < size && segment.get(ValueLayout.JAVA_BYTE, end) != 0) end++;
        if (end == size) throw new FormatException(what, off, "unterminated string");
        return (int) (end - off);
    }

    public String cstring(long off) {
        return new String(bytes(off, cstrlen(off)), StandardCharsets.UTF_8);
    }
}
