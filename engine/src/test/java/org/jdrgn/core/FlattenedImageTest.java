package org.jdrgn.core;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The flattened stream QEMU wrote, reassembled in place, is byte for byte the file that
 * makedumpfile -R made of it; overlapping records resolve as later writes.
 */
class FlattenedImageTest {
    @ParameterizedTest
    @EnumSource(value = KernelDump.class, names = {"LIVE_FLATTENED", "PANIC_FLATTENED"})
    void equalsMakedumpfileRearranged(KernelDump d) throws IOException {
        KernelCores.assumeDumps();
        FlattenedImage image = FlattenedImage.index(ByteSlice.map(KernelCores.dump(d)));
        KernelDump unflat = d.state() == KernelDump.State.LIVE ? KernelDump.LIVE_UNFLATTENED : KernelDump.PANIC_UNFLATTENED;
        ByteSlice r = ByteSlice.map(KernelCores.dump(unflat));
        assertEquals(r.size(), image.size());
        assertTrue(image.pieceCount() > 100, "QEMU writes many records: " + image.pieceCount());
        byte[] a = new byte[1 << 20], b = new byte[1 << 20];
        for (long off = 0; off < r.size(); off += a.length) {
            int n = (int) Math.min(a.length, r.size() - off);
            image.copy(off, a, 0, n);
            r.copy(off, b, 0, n);
            assertArrayEquals(java.util.Arrays.copyOf(b, n), java.util.Arrays.copyOf(a, n), "at 0x" + Long.toHexString(off));
        }
    }

    /** A stream in memory: header then (offset, data) records, then the end marker. */
    static byte[] stream(Object... offsetsAndData) {
        ByteBuffer bb = ByteBuffer.allocate(8192).order(ByteOrder.BIG_ENDIAN);
        bb.put(FlattenedImage.SIGNATURE.getBytes(StandardCharsets.US_ASCII));
        bb.putLong(16, 1).putLong(24, 1).position(4096);
        for (int i = 0; i < offsetsAndData.length; i += 2) {
            byte[] data = (byte[]) offsetsAndData[i + 1];
            bb.putLong((Long) offsetsAndData[i]).putLong(data.length).put(data);
        }
        bb.putLong(-1).putLong(-1);
        return java.util.Arrays.copyOf(bb.array(), bb.position());
    }

    @Test
    void laterRecordsWinAndGapsAreZero() {
        byte[] s = stream(0L, "aaaaaaaa".getBytes(), 2L, "BB".getBytes(), 12L, "cc".getBytes(), 6L, "DDDD".getBytes());
        FlattenedImage image = FlattenedImage.index(ByteSlice.of(s, "mem.flat"));
        assertEquals(14, image.size());
        byte[] got = new byte[14];
        image.copy(0, got, 0, 14);
        assertArrayEquals("aaBBaaDDDD\0\0cc".getBytes(StandardCharsets.ISO_8859_1), got);
        assertEquals("BBaaD", new String(image.slice(2, 5).bytes(0, 5)));
    }

    @Test
    void truncatedRecordNamesFileAndOffset() {
        byte[] s = stream(0L, new byte[100]);
        byte[] cut = java.util.Arrays.copyOf(s, 4096 + 16 + 50);
        FormatException e = assertThrows(FormatException.class, () -> FlattenedImage.index(ByteSlice.of(cut, "cut.flat")));
        assertEquals("cut.flat", e.where());
        assertEquals(4096, e.offset());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        byte[] noEnd = java.util.Arrays.copyOf(s, 4096 + 16 + 100);
        e = assertThrows(FormatException.class, () -> FlattenedImage.index(ByteSlice.of(noEnd, "noend.flat")));
        assertEquals(4096 + 116, e.offset());
        byte[] negative = s.clone();
        ByteBuffer.wrap(negative).putLong(4096 + 8, -5);
        e = assertThrows(FormatException.class, () -> FlattenedImage.index(ByteSlice.of(negative, "neg.flat")));
        assertEquals(4096, e.offset());
    }

    @Test
    void truncatedRealStreamFailsAtTheCutRecord() throws IOException {
        KernelCores.assumeDumps();
        ByteSlice whole = ByteSlice.map(KernelCores.dump(KernelDump.LIVE_FLATTENED));
        long cut = whole.size() / 2;
        ByteSlice half = whole.slice(0, cut, "half.flat");
        FormatException e = assertThrows(FormatException.class, () -> FlattenedImage.index(half));
        assertEquals("half.flat", e.where());
        assertTrue(e.offset() < cut && e.offset() > cut - 16 - 16384, "offset 0x" + Long.toHexString(e.offset()));
    }
}
