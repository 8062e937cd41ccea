package org.jdrgn.dwarf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;

/**
 * The DWARF of one file: its unit headers (read when opened), abbreviation tables (parsed on
 * first use, cached per offset and encoding) and the supplementary file. Everything else is
 * decoded on demand from the mapped sections. Thread-safe: the index walks units in parallel.
 */
public final class Dwarf {
    /** Sections a reader may need besides .debug_info/.debug_abbrev. */
    enum Sec { STR, LINE_STR, STR_OFFSETS, ADDR, RNGLISTS, RANGES, LOCLISTS, LOC, LINE }

    private record AbbrevKey(long offset, int enc) {}

    private final DwarfSections sections;
    private final Dwarf sup;
    private final Unit[] infoUnits;
    private final long[] infoStarts;
    private final Unit[] typeUnits;
    private final long[] typeStarts;
    private final List<Unit> all;
    private final ConcurrentHashMap<AbbrevKey, AbbrevTable> abbrevs = new ConcurrentHashMap<>();
    private volatile Map<Long, Unit> signatures;

    private Dwarf(DwarfSections sections) {
        this.sections = sections;
        this.sup = sections.sup() == null ? null : new Dwarf(sections.sup());
        this.infoUnits = readUnits(sections.info(), false);
        this.typeUnits = readUnits(sections.types(), true);
        this.infoStarts = starts(infoUnits);
        this.typeStarts = starts(typeUnits);
        List<Unit> l = new ArrayList<>(Arrays.asList(infoUnits));
        l.addAll(Arrays.asList(typeUnits));
        this.all = List.copyOf(l);
    }

    /** Reads the unit headers of {@code sections} (and of its supplementary file). */
    public static Dwarf open(DwarfSections sections) { return new Dwarf(sections); }

    public DwarfSections sections() { return sections; }

    /** The supplementary (dwz) file's DWARF, or null. */
    public Dwarf sup() { return sup; }

    /** All units: .debug_info units in section order, then .debug_types units. */
    public List<Unit> units() { return all; }

    /** The unit of .debug_info ({@code inTypes} false) or .debug_types containing {@code offset}. */
    public Unit unitAt(long offset, boolean inTypes) {
        Unit[] units = inTypes ? typeUnits : infoUnits;
        long[] starts = inTypes ? typeStarts : infoStarts;
        int i = Arrays.binarySearch(starts, offset);
        if (i < 0) i = -i - 2;
        if (i < 0 || offset >= units[i].header().end()) {
            throw new FormatException(inTypes ? name(sections.types()) : name(sections.info()), offset,
                    "DIE offset is not inside any unit");
        }
        return units[i];
    }

    /** The DIE at a .debug_info offset. */
    public Die die(long infoOffset) { return unitAt(infoOffset, false).die(infoOffset); }

    /** The type unit with this signature (DW_FORM_ref_sig8), or FormatException. */
    public Unit typeUnit(long signature, ByteSlice neededBy, long at) {
        Map<Long, Unit> m = signatures;
        if (m == null) {
            Map<Long, Unit> built = new HashMap<>();
            for (Unit u : all) if (u.header().isTypeUnit()) built.putIfAbsent(u.header().typeSignature(), u);
            signatures = m = Map.copyOf(built);
        }
        Unit u = m.get(signature);
        if (u == null) throw new FormatException(neededBy.what(), at, "no type unit with signature 0x" + Long.toHexString(signature));
        return u;
    }

    AbbrevTable abbrevs(long offset, Encoding enc) {
        ByteSlice sec = DwarfSections.require(sections.abbrev(), ".debug_abbrev", name(sections.info()), offset);
        return abbrevs.computeIfAbsent(new AbbrevKey(offset, enc.key()), k -> AbbrevTable.parse(sec, offset, enc));
    }

    /** A section needed to decode something at {@code at} in {@code neededBy}; FormatException if absent. */
    ByteSlice section(Sec s, ByteSlice neededBy, long at) {
        ByteSlice b = switch (s) {
            case STR -> sections.str();
            case LINE_STR -> sections.lineStr();
            case STR_OFFSETS -> sections.strOffsets();
            case ADDR -> sections.addr();
            case RNGLISTS -> sections.rnglists();
            case RANGES -> sections.ranges();
            case LOCLISTS -> sections.loclists();
            case LOC -> sections.loc();
            case LINE -> sections.line();
        };
        return DwarfSections.require(b, ".debug_" + s.name().toLowerCase(), neededBy.what(), at);
    }

    ByteSlice supStr(ByteSlice neededBy, long at) {
        if (sup == null) throw new FormatException(neededBy.what(), at, "string in a supplementary file, but there is none");
        return sup.section(Sec.STR, neededBy, at);
    }

    private static String name(ByteSlice s) { return s == null ? ".debug_info" : s.what(); }

    private Unit[] readUnits(ByteSlice sec, boolean inTypes) {
        if (sec == null) return new Unit[0];
        List<Unit> out = new ArrayList<>();
        long off = 0;
        // each header advances by at least its own size: the loop is bounded by the section size
        while (off < sec.size()) {
            UnitHeader h = UnitHeader.parse(sec, off, inTypes);
            out.add(new Unit(this, sec, h, out.size()));
            off = h.end();
        }
        return out.toArray(new Unit[0]);
    }

    private static long[] starts(Unit[] units) {
        long[] s = new long[units.length];
        for (int i = 0; i < units.length; i++) s[i] = units[i].header().offset();
        return s;
    }
}
