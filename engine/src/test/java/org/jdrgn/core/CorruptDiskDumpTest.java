package org.jdrgn.core;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.error.FaultException;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Damaged diskdumps fail with a FormatException naming the file and the offset, promptly. */
@Timeout(30)
class CorruptDiskDumpTest {
    @TempDir Path dir;

    private byte[] original() throws IOException {
        KernelCores.assumeDumps();
        return Files.readAllBytes(KernelCores.dump(KernelDump.KDUMP_DISKDUMP));
    }

    private Path write(String name, byte[] b) throws IOException {
        return Files.write(dir.resolve(name), b);
    }

    /** The first dumped page frame with zlib-compressed data. */
    private static long firstCompressed(DiskDump dd) {
        for (long pfn = 0; pfn < dd.maxMapnr(); pfn++) {
            if (dd.isDumped(pfn) && dd.descriptor(pfn).flags() == PageCodec.ZLIB.flag()) return pfn;
        }
        throw new AssertionError("no compressed page");
    }

    @Test
    void truncatedInTheHeader() throws IOException {
        Path p = write("head.kdump", Arrays.copyOf(original(), 300));
        FormatException e = assertThrows(FormatException.class, () -> KernelDumpFile.open(p));
        assertEquals(p.toString(), e.where());
        assertEquals(0, e.offset());
    }

    @Test
    void truncatedInThePageData() throws IOException {
        byte[] b = original();
        Path p = write("half.kdump", Arrays.copyOf(b, b.length / 2));
        DiskDump dd = (DiskDump) KernelDumpFile.open(p); // headers and bitmaps are intact
        // the last page written (not a zero page: those all share one early copy)
        long last = dd.maxMapnr() - 1;
        DiskDump whole = (DiskDump) KernelDumpFile.open(KernelCores.dump(KernelDump.KDUMP_DISKDUMP));
        while (!whole.isDumped(last) || whole.descriptor(last).offset() < b.length / 2) last--;
        long pfn = last;
        FormatException e = assertThrows(FormatException.class, () -> dd.memory().read(pfn * 4096, 8, true));
        assertEquals(p.toString(), e.where());
        assertTrue(e.offset() >= b.length / 2 - 4096, e.getMessage());
        assertTrue(e.getMessage().contains("pfn 0x" + Long.toHexString(pfn)), e.getMessage());
    }

    @Test
    void bitmapOffsetOutsideTheFile() throws IOException {
        byte[] b = original();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(432, 60000); // sub_hdr_size in blocks
        Path p = write("bitmap.kdump", b);
        FormatException e = assertThrows(FormatException.class, () -> KernelDumpFile.open(p));
        assertEquals(p.toString(), e.where());
        assertEquals(4096L * 60001, e.offset());
        assertTrue(e.getMessage().contains("bitmaps"), e.getMessage());
        byte[] c = original();
        ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putInt(436, 1); // bitmap_blocks too few for max_mapnr
        Path q = write("bitmap2.kdump", c);
        e = assertThrows(FormatException.class, () -> KernelDumpFile.open(q));
        assertEquals(436, e.offset());
    }

    @Test
    void descriptorPointingPastTheEnd() throws IOException {
        byte[] b = original();
        DiskDump dd = (DiskDump) KernelDumpFile.open(KernelCores.dump(KernelDump.KDUMP_DISKDUMP));
        long pfn = firstCompressed(dd);
        long descOff = descriptorOffset(dd, pfn);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong((int) descOff, 1L << 40);
        Path p = write("desc.kdump", b);
        KernelDumpFile bad = KernelDumpFile.open(p);
        FormatException e = assertThrows(FormatException.class, () -> bad.memory().read(pfn * 4096, 8, true));
        assertEquals(p.toString(), e.where());
        assertEquals(1L << 40, e.offset());
    }

    @Test
    void garbledCompressedData() throws IOException {
        byte[] b = original();
        DiskDump dd = (DiskDump) KernelDumpFile.open(KernelCores.dump(KernelDump.KDUMP_DISKDUMP));
        long pfn = firstCompressed(dd);
        PageDescriptor pd = dd.descriptor(pfn);
        Arrays.fill(b, (int) pd.offset(), (int) pd.offset() + pd.size(), (byte) 0x5a);
        Path p = write("zlib.kdump", b);
        KernelDumpFile bad = KernelDumpFile.open(p);
        FormatException e = assertThrows(FormatException.class, () -> bad.memory().read(pfn * 4096, 8, true));
        assertEquals(pd.offset(), e.offset());
        assertTrue(e.getMessage().contains("ZLIB data of pfn 0x" + Long.toHexString(pfn) + " is corrupt"), e.getMessage());
        // the neighbours still read
        long other = pfn + 1;
        while (!dd.isDumped(other)) other++;
        assertArrayEquals(dd.memory().read(other * 4096, 64, true), bad.memory().read(other * 4096, 64, true));
        assertThrows(FaultException.class, () -> bad.memory().read(dd.maxMapnr() * 4096, 1, true));
    }

    private static long descriptorOffset(DiskDump dd, long pfn) {
        long rank = 0;
        for (long f = 0; f < pfn; f++) if (dd.isDumped(f)) rank++;
        return dd.header().descriptorOffset() + rank * PageDescriptor.SIZE;
    }
}
