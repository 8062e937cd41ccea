package org.jdrgn.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;

/**
 * The first block of a diskdump ("KDUMP   ", makedumpfile's struct disk_dump_header, x86-64
 * layout): utsname, block size and the sizes of the sub-header and bitmaps in blocks.
 * {@code maxMapnr} here is the obsolete 32-bit field; the sub-header has the full one.
 */
public record DiskDumpHeader(int version, List<String> utsname, long timestampSec, long status,
                             int blockSize, int subHeaderBlocks, long bitmapBlocks, long maxMapnr32,
                             int currentCpu, int nrCpus) {
    public static final String SIGNATURE = "KDUMP   ";
    static final int SIZE = 464;

    /** Parses and validates the header at offset 0. */
    public static DiskDumpHeader parse(DumpImage image) {
        String file = image.name();
        image.require(0, SIZE, "diskdump header");
        ByteSlice h = image.slice(0, SIZE);
        if (!new String(h.bytes(0, 8), StandardCharsets.US_ASCII).equals(SIGNATURE)) {
            throw new FormatException(file, 0, "no \"KDUMP   \" signature");
        }
        List<String> uts = new ArrayList<>(6);
        for (int i = 0; i < 6; i++) uts.add(fixedString(h, 12 + 65L * i, 65));
        int blockSize = h.s32(428), subBlocks = h.s32(432);
        long bitmapBlocks = h.u32(436);
        if (blockSize < 512 || blockSize > 1 << 20 || Integer.bitCount(blockSize) != 1) {
            throw new FormatException(file, 428, "bad diskdump block size " + blockSize);
        }
        if (subBlocks < 0 || subBlocks > 1 << 16) {
            throw new FormatException(file, 432, "bad diskdump sub-header size " + subBlocks + " blocks");
        }
        if (bitmapBlocks == 0) throw new FormatException(file, 436, "diskdump has no bitmap blocks");
        return new DiskDumpHeader(h.s32(8), List.copyOf(uts), h.u64(408), h.u32(424), blockSize, subBlocks,
                bitmapBlocks, h.u32(440), h.s32(456), h.s32(460));
    }

    /** Offset of the sub-header (block 1). */
    public long subHeaderOffset() { return blockSize; }

    /** Offset of the first bitmap: after the header block and the sub-header blocks. */
    public long bitmapOffset() { return (long) blockSize * (1 + subHeaderBlocks); }

    /** Bytes of both bitmaps together. */
    public long bitmapBytes() { return bitmapBlocks * blockSize; }

    /** Offset of the page descriptor table, right after the bitmaps. */
    public long descriptorOffset() { return bitmapOffset() + bitmapBytes(); }

    /** utsname.machine, e.g. "x86_64" (QEMU fills only this one). */
    public String machine() { return utsname.get(4); }

    private static String fixedString(ByteSlice b, long off, int max) {
        byte[] raw = b.bytes(off, max);
        int n = 0;
        while (n < max && raw[n] != 0) n++;
        return new String(raw, 0, n, StandardCharsets.UTF_8);
    }
}
