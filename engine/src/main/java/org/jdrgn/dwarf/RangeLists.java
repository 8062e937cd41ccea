package org.jdrgn.dwarf;

import java.util.ArrayList;
import java.util.List;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.Cursor;
import org.jdrgn.bytes.FormatException;

/** Address ranges of DIEs: low_pc/high_pc, DWARF 5 .debug_rnglists and pre-5 .debug_ranges. */
public final class RangeLists {
    private static final int RLE_end_of_list = 0, RLE_base_addressx = 1, RLE_startx_endx = 2,
            RLE_startx_length = 3, RLE_offset_pair = 4, RLE_base_address = 5, RLE_start_end = 6,
            RLE_start_length = 7;

    private RangeLists() {}

    /** The DIE's ranges (empty if it has neither DW_AT_ranges nor DW_AT_low_pc). */
    public static List<AddressRange> of(Die die) {
        Unit u = die.unit();
        AttrValue ranges = die.value(DwAt.ranges);
        if (ranges != null) {
            return switch (ranges) {
                case AttrValue.RnglistIndex x -> rnglist(u, u.rnglistsBase() + indexed(u, Dwarf.Sec.RNGLISTS, u.rnglistsBase(), x.index()));
                case AttrValue.SecOffset s when u.encoding().version() >= 5 -> rnglist(u, s.offset());
                case AttrValue.SecOffset s -> debugRanges(u, s.offset());
                case AttrValue.Data d when u.encoding().version() < 4 -> debugRanges(u, d.value());
                default -> throw new FormatException(u.section().what(), die.offset(), "bad DW_AT_ranges form");
            };
        }
        Long low = die.address(DwAt.low_pc);
        if (low == null) return List.of();
        AttrValue high = die.value(DwAt.high_pc);
        if (high == null) return List.of(new AddressRange(low, low + 1));
        long end = switch (high) {
            case AttrValue.Data d -> low + d.value();
            case AttrValue.Sdata s -> low + s.value();
            default -> u.address(high);
        };
        return List.of(new AddressRange(low, end));
    }

    /** The offset stored at {@code base + index * offsetSize} of an indexed list section. */
    static long indexed(Unit u, Dwarf.Sec sec, long base, long index) {
        ByteSlice s = u.dwarf().section(sec, u.section(), u.header().offset());
        int n = u.encoding().offsetSize();
        return s.uN(base + index * n, n);
    }

    /** A DWARF 5 range list at a .debug_rnglists offset. */
    public static List<AddressRange> rnglist(Unit u, long offset) {
        ByteSlice s = u.dwarf().section(Dwarf.Sec.RNGLISTS, u.section(), u.header().offset());
        Cursor c = new Cursor(s, offset);
        int asz = u.encoding().addressSize();
        long base = u.baseAddress();
        List<AddressRange> out = new ArrayList<>();
        // every entry consumes at least one byte: bounded by the section
        while (true) {
            long at = c.pos();
            int kind = c.u8();
            switch (kind) {
                case RLE_end_of_list -> { return out; }
                case RLE_base_addressx -> base = u.addrx(c.uleb128());
                case RLE_startx_endx -> out.add(new AddressRange(u.addrx(c.uleb128()), u.addrx(c.uleb128())));
                case RLE_startx_length -> { long b = u.addrx(c.uleb128()); out.add(new AddressRange(b, b + c.uleb128())); }
                case RLE_offset_pair -> { long b = c.uleb128(); long e = c.uleb128(); out.add(new AddressRange(base + b, base + e)); }
                case RLE_base_address -> base = c.uN(asz);
                case RLE_start_end -> out.add(new AddressRange(c.uN(asz), c.uN(asz)));
                case RLE_start_length -> { long b = c.uN(asz); out.add(new AddressRange(b, b + c.uleb128())); }
                default -> throw new FormatException(s.what(), at, "unknown DW_RLE 0x" + Integer.toHexString(kind));
            }
        }
    }

    /** A pre-DWARF 5 range list at a .debug_ranges offset. */
    public static List<AddressRange> debugRanges(Unit u, long offset) {
        ByteSlice s = u.dwarf().section(Dwarf.Sec.RANGES, u.section(), u.header().offset());
        int asz = u.encoding().addressSize();
        long max = asz == 8 ? -1L : (1L << (8 * asz)) - 1;
        long base = u.baseAddress();
        List<AddressRange> out = new ArrayList<>();
        for (long p = offset; ; p += 2L * asz) {
            long b = s.uN(p, asz), e = s.uN(p + asz, asz);
            if (b == 0 && e == 0) return out;
            if (b == max) base = e;
            else out.add(new AddressRange(base + b, base + e));
        }
    }
}
