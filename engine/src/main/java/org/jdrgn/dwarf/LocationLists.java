package org.jdrgn.dwarf;

import java.util.ArrayList;
import java.util.List;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.Cursor;
import org.jdrgn.bytes.FormatException;

/** Location lists: DWARF 5 .debug_loclists and pre-5 .debug_loc. */
public final class LocationLists {
    private static final int LLE_end_of_list = 0, LLE_base_addressx = 1, LLE_startx_endx = 2,
            LLE_startx_length = 3, LLE_offset_pair = 4, LLE_default_location = 5,
            LLE_base_address = 6, LLE_start_end = 7, LLE_start_length = 8;

    private LocationLists() {}

    /**
     * The entries of a DW_AT_location (or other location attribute) that is a location list;
     * null if the attribute is absent or a single expression.
     */
    public static List<LocationListEntry> of(Die die, int attribute) {
        Unit u = die.unit();
        AttrValue v = die.value(attribute);
        return switch (v) {
            case AttrValue.LoclistIndex x -> loclist(u, u.loclistsBase() + RangeLists.indexed(u, Dwarf.Sec.LOCLISTS, u.loclistsBase(), x.index()));
            case AttrValue.SecOffset s when u.encoding().version() >= 5 -> loclist(u, s.offset());
            case AttrValue.SecOffset s -> debugLoc(u, s.offset());
            case AttrValue.Data d when u.encoding().version() < 4 && (d.size() == 4 || d.size() == 8) -> debugLoc(u, d.value());
            case null, default -> null;
        };
    }

    /** A DWARF 5 location list at a .debug_loclists offset. */
    public static List<LocationListEntry> loclist(Unit u, long offset) {
        ByteSlice s = u.dwarf().section(Dwarf.Sec.LOCLISTS, u.section(), u.header().offset());
        Cursor c = new Cursor(s, offset);
        int asz = u.encoding().addressSize();
        long base = u.baseAddress();
        List<LocationListEntry> out = new ArrayList<>();
        // every entry consumes at least one byte: bounded by the section
        while (true) {
            long at = c.pos();
            int kind = c.u8();
            long b, e;
            switch (kind) {
                case LLE_end_of_list -> { return out; }
                case LLE_base_addressx -> { base = u.addrx(c.uleb128()); continue; }
                case LLE_base_address -> { base = c.uN(asz); continue; }
                case LLE_startx_endx -> { b = u.addrx(c.uleb128()); e = u.addrx(c.uleb128()); }
                case LLE_startx_length -> { b = u.addrx(c.uleb128()); e = b + c.uleb128(); }
                case LLE_offset_pair -> { b = base + c.uleb128(); e = base + c.uleb128(); }
                case LLE_default_location -> { b = 0; e = -1; }
                case LLE_start_end -> { b = c.uN(asz); e = c.uN(asz); }
                case LLE_start_length -> { b = c.uN(asz); e = b + c.uleb128(); }
                default -> throw new FormatException(s.what(), at, "unknown DW_LLE 0x" + Integer.toHexString(kind));
            }
            long len = c.uleb128();
            ByteSlice expr = s.slice(c.pos(), len);
            c.skip(len);
            out.add(new LocationListEntry(b, e, expr));
        }
    }

    /** A pre-DWARF 5 location list at a .debug_loc offset. */
    public static List<LocationListEntry> debugLoc(Unit u, long offset) {
        ByteSlice s = u.dwarf().section(Dwarf.Sec.LOC, u.section(), u.header().offset());
        int asz = u.encoding().addressSize();
        long max = asz == 8 ? -1L : (1L << (8 * asz)) - 1;
        long base = u.baseAddress();
        List<LocationListEntry> out = new ArrayList<>();
        long p = offset;
        while (true) {
            long b = s.uN(p, asz), e = s.uN(p + asz, asz);
            p += 2L * asz;
            if (b == 0 && e == 0) return out;
            if (b == max) { base = e; continue; }
            int len = s.u16(p);
            out.add(new LocationListEntry(base + b, base + e, s.slice(p + 2, len)));
            p += 2 + len;
        }
    }
}
