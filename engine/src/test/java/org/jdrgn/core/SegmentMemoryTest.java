package org.jdrgn.core;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.jdrgn.error.FaultException;
import org.junit.jupiter.api.Test;

/** drgn's add_memory_segment semantics: later segments override earlier ones where they overlap. */
class SegmentMemoryTest {
    /** A segment whose every byte is {@code fill}; records the offsets it was asked for. */
    static SegmentMemory.Reader filled(byte fill, long[] lastOffset) {
        return (offset, dst, dstOff, len) -> {
            lastOffset[0] = offset;
            Arrays.fill(dst, dstOff, dstOff + len, fill);
        };
    }

    @Test
    void laterSegmentsWinAndOffsetsAreRelative() {
        long[] a = new long[1], b = new long[1];
        SegmentMemory m = new SegmentMemory()
                .with(0x1000, 0x100, filled((byte) 1, a), false)
                .with(0x1040, 0x10, filled((byte) 2, b), false);
        byte[] got = m.read(0x1030, 0x30, false);
        byte[] want = new byte[0x30];
        Arrays.fill(want, 0, 0x10, (byte) 1);
        Arrays.fill(want, 0x10, 0x20, (byte) 2);
        Arrays.fill(want, 0x20, 0x30, (byte) 1);
        assertArrayEquals(want, got);
        assertEquals(0, b[0]);          // the overriding segment was read from its start
        assertEquals(0x50, a[0]);       // the first one resumed after it
    }

    @Test
    void physicalAndVirtualAreSeparateAndHolesFault() {
        SegmentMemory m = new SegmentMemory().with(0x1000, 0x10, filled((byte) 7, new long[1]), true);
        assertEquals(7, m.read(0x1008, 1, true)[0]);
        FaultException e = assertThrows(FaultException.class, () -> m.read(0x1008, 1, false));
        assertEquals("could not find memory segment: 0x1008", e.getMessage());
        FaultException tail = assertThrows(FaultException.class, () -> m.read(0x100c, 8, true));
        assertEquals(0x1010, tail.address());
    }
}
