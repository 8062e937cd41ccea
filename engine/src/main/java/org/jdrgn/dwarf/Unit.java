package org.jdrgn.dwarf;

import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;

/**
 * One unit of a {@link Dwarf}: its header, abbreviation table and the bases its root DIE sets
 * (str_offsets, addr, rnglists, loclists, low_pc), read once on first use.
 */
public final class Unit {
    /** What the root DIE says, read once. */
    private record Root(long strOffsetsBase, long addrBase, long rnglistsBase, long loclistsBase,
                        long baseAddress, String name, String compDir, long stmtList, int language) {}

    private final Dwarf dwarf;
    private final ByteSlice section;
    private final UnitHeader header;
    private final int index;
    private volatile AbbrevTable abbrevs;
    private volatile Root root;

    Unit(Dwarf dwarf, ByteSlice section, UnitHeader header, int index) {
        this.dwarf = dwarf;
        this.section = section;
        this.header = header;
        this.index = index;
    }

    public Dwarf dwarf() { return dwarf; }

    /** .debug_info or .debug_types. */
    public ByteSlice section() { return section; }

    public UnitHeader header() { return header; }

    public Encoding encoding() { return header.encoding(); }

    /** Position in {@link Dwarf#units()}. */
    public int index() { return index; }

    public AbbrevTable abbrevs() {
        AbbrevTable t = abbrevs;
        if (t == null) abbrevs = t = dwarf.abbrevs(header.abbrevOffset(), header.encoding());
        return t;
    }

    /** The root DIE (DW_TAG_compile_unit, partial_unit, type_unit...). */
    public Die root() { return die(header.dieOffset()); }

    /** The DIE at a section-absolute offset inside this unit. */
    public Die die(long offset) {
        if (offset < header.dieOffset() || offset >= header.end()) {
            throw new FormatException(section.what(), offset, "DIE offset outside unit at 0x"
                    + Long.toHexString(header.offset()));
        }
        Die d = Die.read(this, offset);
        if (d == null) throw new FormatException(section.what(), offset, "reference to a null entry");
        return d;
    }

    /** DW_AT_name of the root DIE (the source file for compile units), or null. */
    public String name() { return root0().name(); }

    public String compDir() { return root0().compDir(); }

    /** DW_AT_language of the root DIE, or -1. */
    public int language() { return root0().language(); }

    /** DW_AT_stmt_list, or -1. */
    public long stmtList() { return root0().stmtList(); }

    /** The base address for location and range lists (the root's DW_AT_low_pc, or 0). */
    public long baseAddress() { return root0().baseAddress(); }

    public long rnglistsBase() { return root0().rnglistsBase(); }

    public long loclistsBase() { return root0().loclistsBase(); }

    /** Resolves a string value (inline, strp, line_strp, strx...); null if {@code v} is not a string. */
    public String string(AttrValue v) {
        return switch (v) {
            case AttrValue.Str s -> s.value();
            case AttrValue.StrIndex x -> strx(x.index());
            case null, default -> null;
        };
    }

    /** The .debug_str string at str_offsets_base + index * offset size. */
    public String strx(long index) { return strx(index, root0().strOffsetsBase()); }

    /** The address at addr_base + index * address size. */
    public long addrx(long index) { return addrx(index, root0().addrBase()); }

    /** Resolves an address value (addr, addrx); FormatException for other forms. */
    public long address(AttrValue v) {
        return switch (v) {
            case AttrValue.Address a -> a.value();
            case AttrValue.AddressIndex x -> addrx(x.index());
            default -> throw new FormatException(section.what(), header.offset(), "not an address: " + v);
        };
    }

    private String strx(long index, long base) {
        ByteSlice offs = dwarf.section(Dwarf.Sec.STR_OFFSETS, section, header.offset());
        int n = header.encoding().offsetSize();
        long at = base + index * n;
        if (index < 0 || at < base) throw new FormatException(offs.what(), at, "string index out of range");
        return dwarf.section(Dwarf.Sec.STR, section, header.offset()).cstring(offs.uN(at, n));
    }

    private long addrx(long index, long base) {
        ByteSlice addr = dwarf.section(Dwarf.Sec.ADDR, section, header.offset());
        int n = header.encoding().addressSize();
        long at = base + index * n;
        if (index < 0 || at < base) throw new FormatException(addr.what(), at, "address index out of range");
        return addr.uN(at, n);
    }

    private Root root0() {
        Root r = root;
        if (r == null) root = r = readRoot();
        return r;
    }

    private Root readRoot() {
        Die d = Die.read(this, header.dieOffset());
        if (d == null) return new Root(0, 0, 0, 0, 0, null, null, -1, -1);
        long strBase = 0, addrBase = 0, rngBase = 0, locBase = 0, stmt = -1;
        int lang = -1;
        AttrValue name = null, compDir = null, lowPc = null;
        for (Attribute a : d.attributes()) {
            switch (a.name()) {
                case DwAt.str_offsets_base -> strBase = offset(a);
                case DwAt.addr_base, DwAt.GNU_addr_base -> addrBase = offset(a);
                case DwAt.rnglists_base, DwAt.GNU_ranges_base -> rngBase = offset(a);
                case DwAt.loclists_base -> locBase = offset(a);
                case DwAt.stmt_list -> stmt = offset(a);
                case DwAt.language -> lang = (int) offset(a);
                case DwAt.name -> name = a.value();
                case DwAt.comp_dir -> compDir = a.value();
                case DwAt.low_pc -> lowPc = a.value();
                default -> { }
            }
        }
        long base = lowPc instanceof AttrValue.Address x ? x.value()
                : lowPc instanceof AttrValue.AddressIndex x ? addrx(x.index(), addrBase) : 0;
        return new Root(strBase, addrBase, rngBase, locBase, base,
                name == null ? null : name instanceof AttrValue.StrIndex x ? strx(x.index(), strBase) : string(name),
                compDir == null ? null : compDir instanceof AttrValue.StrIndex x ? strx(x.index(), strBase) : string(compDir),
                stmt, lang);
    }

    private long offset(Attribute a) {
        return switch (a.value()) {
            case AttrValue.SecOffset s -> s.offset();
            case AttrValue.Data d -> d.value();
            case AttrValue.Sdata s -> s.value();
            default -> throw new FormatException(section.what(), header.dieOffset(),
                    DwNames.at(a.name()) + " has unexpected form " + DwNames.form(a.form()));
        };
    }

    @Override public String toString() {
        return "Unit[" + section.what() + " 0x" + Long.toHexString(header.offset()) + "]";
    }
}
