package org.jdrgn.core;

import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;

/**
 * makedumpfile's struct kdump_sub_header (block 1 of a diskdump): fields exist from the
 * header version noted; absent ones read as 0. {@code physBase} is unreliable in QEMU's dumps
 * (garbage seen): take phys_base from VMCOREINFO.
 */
public record KdumpSubHeader(long physBase, int dumpLevel, long vmcoreinfoOffset, long vmcoreinfoSize,
                             long noteOffset, long noteSize, long maxMapnr) {
    static KdumpSubHeader parse(DumpImage image, DiskDumpHeader h) {
        int v = h.version();
        int need = v >= 6 ? 104 : v >= 4 ? 64 : v >= 3 ? 48 : v >= 1 ? 12 : 8;
        image.require(h.subHeaderOffset(), need, "diskdump sub-header (version " + v + ")");
        ByteSlice s = image.slice(h.subHeaderOffset(), need);
        long physBase = s.u64(0);
        int level = v >= 1 ? s.s32(8) : 0;
        long viOff = v >= 3 ? s.u64(32) : 0, viSize = v >= 3 ? s.u64(40) : 0;
        long noteOff = v >= 4 ? s.u64(48) : 0, noteSize = v >= 4 ? s.u64(56) : 0;
        long maxMapnr = v >= 6 ? s.u64(96) : h.maxMapnr32();
        check(image, viOff, viSize, h.subHeaderOffset() + 32, "VMCOREINFO");
        check(image, noteOff, noteSize, h.subHeaderOffset() + 48, "notes");
        if (maxMapnr < 0 || maxMapnr > 1L << 52) {
            throw new FormatException(image.name(), h.subHeaderOffset() + 96, "bad max_mapnr 0x" + Long.toHexString(maxMapnr));
        }
        return new KdumpSubHeader(physBase, level, viOff, viSize, noteOff, noteSize, maxMapnr);
    }

    private static void check(DumpImage image, long off, long size, long fieldOffset, String what) {
        if (size == 0) return;
        if (off <= 0 || size < 0 || size > 1 << 24 || off > image.size() - size) {
            throw new FormatException(image.name(), fieldOffset, "diskdump " + what + " at 0x" + Long.toHexString(off)
                    + " (0x" + Long.toHexString(size) + " bytes) is outside the file (size 0x"
                    + Long.toHexString(image.size()) + ")");
        }
    }
}
