package org.jdrgn.unwind.tables;

import java.util.Optional;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.Cursor;
import org.jdrgn.bytes.FormatException;

/**
 * The binary-search table of .eh_frame_hdr (LSB 10.6.2): sorted (initial location, FDE
 * address) pairs, so a lookup decodes log2(n) entries and one FDE instead of the section.
 */
final class EhFrameHdrIndex implements FdeIndex {
    private final CfiEntryReader ehFrame;
    private final long ehFrameAddress;
    private final ByteSlice hdr;
    private final PointerEncoding.Bases bases;
    private final int tableEncoding, entrySize;
    private final long tableStart, count;

    private EhFrameHdrIndex(CfiEntryReader ehFrame, long ehFrameAddress, ByteSlice hdr, long hdrAddress,
                            int tableEncoding, long tableStart, long count) {
        this.ehFrame = ehFrame;
        this.ehFrameAddress = ehFrameAddress;
        this.hdr = hdr;
        this.bases = new PointerEncoding.Bases(hdrAddress, hdrAddress, 0);
        this.tableEncoding = tableEncoding;
        this.entrySize = 2 * PointerEncoding.fixedSize(tableEncoding, 8);
        this.tableStart = tableStart;
        this.count = count;
    }

    /** The table of {@code hdr}, or empty if it has none (the caller then indexes .eh_frame itself). */
    static Optional<EhFrameHdrIndex> of(CfiEntryReader ehFrame, long ehFrameAddress, ByteSlice hdr, long hdrAddress) {
        Cursor c = new Cursor(hdr, 0);
        int version = c.u8();
        if (version != 1) throw new FormatException(hdr.what(), 0, "unsupported .eh_frame_hdr version " + version);
        int ptrEnc = c.u8(), countEnc = c.u8(), tableEnc = c.u8();
        PointerEncoding.Bases b = new PointerEncoding.Bases(hdrAddress, hdrAddress, 0);
        if (ptrEnc != PointerEncoding.OMIT) PointerEncoding.read(c, ptrEnc, 8, b);
        if (countEnc == PointerEncoding.OMIT || tableEnc == PointerEncoding.OMIT) return Optional.empty();
        long count = PointerEncoding.read(c, countEnc, 8, b);
        int size = PointerEncoding.fixedSize(tableEnc, 8);
        if (size <= 0 || PointerEncoding.isIndirect(tableEnc)) {
            throw new FormatException(hdr.what(), 3, "search table encoding 0x" + Integer.toHexString(tableEnc) + " is not fixed-size");
        }
        if (count < 0 || count > (hdr.size() - c.pos()) / (2L * size)) {
            throw new FormatException(hdr.what(), 0, "search table of " + count + " entries does not fit");
        }
        return Optional.of(new EhFrameHdrIndex(ehFrame, ehFrameAddress, hdr, hdrAddress, tableEnc, c.pos(), count));
    }

    private long initialLocation(long i) {
        return PointerEncoding.read(new Cursor(hdr, tableStart + i * entrySize), tableEncoding, 8, bases);
    }

    @Override
    public Optional<Fde> find(long pc) {
        long lo = 0, hi = count - 1, best = -1;
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(initialLocation(mid), pc) <= 0) { best = mid; lo = mid + 1; } else hi = mid - 1;
        }
        if (best < 0) return Optional.empty();
        Cursor c = new Cursor(hdr, tableStart + best * entrySize + entrySize / 2);
        long fdeAddress = PointerEncoding.read(c, tableEncoding, 8, bases);
        long offset = fdeAddress - ehFrameAddress;
        if (offset < 0 || offset >= ehFrame.data().size()) {
            throw new FormatException(hdr.what(), c.pos(), "FDE address 0x" + Long.toHexString(fdeAddress) + " is outside .eh_frame");
        }
        Fde f = ehFrame.fdeAt(offset);
        return f.contains(pc) ? Optional.of(f) : Optional.empty();
    }
}
