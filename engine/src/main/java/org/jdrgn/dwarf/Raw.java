package org.jdrgn.dwarf;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.jdrgn.bytes.ByteSlice;

/**
 * Hot-path reads for bulk DIE walking: constant layouts (ByteSlice derives a layout per call,
 * which costs a VarHandle lookup each time) with the same bounds check and error.
 */
final class Raw {
    private static final ValueLayout.OfShort LE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt LE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LE64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort BE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt BE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong BE64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private Raw() {}

    static int u8(ByteSlice d, long off) {
        d.check(off, 1);
        return d.segment().get(ValueLayout.JAVA_BYTE, off) & 0xff;
    }

    static int u16(ByteSlice d, long off) {
        d.check(off, 2);
        MemorySegment s = d.segment();
        return (d.order() == ByteOrder.LITTLE_ENDIAN ? s.get(LE16, off) : s.get(BE16, off)) & 0xffff;
    }

    static long u32(ByteSlice d, long off) {
        d.check(off, 4);
        MemorySegment s = d.segment();
        return (d.order() == ByteOrder.LITTLE_ENDIAN ? s.get(LE32, off) : s.get(BE32, off)) & 0xffffffffL;
    }

    static long u64(ByteSlice d, long off) {
        d.check(off, 8);
        MemorySegment s = d.segment();
        return d.order() == ByteOrder.LITTLE_ENDIAN ? s.get(LE64, off) : s.get(BE64, off);
    }

    static long uN(ByteSlice d, long off, int n) {
        return switch (n) {
            case 1 -> u8(d, off);
            case 2 -> u16(d, off);
            case 4 -> u32(d, off);
            case 8 -> u64(d, off);
            default -> d.uN(off, n);
        };
    }

    /** An unsigned LEB128 at {@code off}; the position after it is {@code off + lebLength(...)}. */
    static int lebLength(ByteSlice d, long off) {
        for (int i = 0; i < 10; i++) if ((u8(d, off + i) & 0x80) == 0) return i + 1;
        throw new org.jdrgn.bytes.FormatException(d.what(), off, "LEB128 too long");
    }
}
