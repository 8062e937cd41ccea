package org.jdrgn.dwarf;

import java.util.ArrayList;
import java.util.List;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.Cursor;
import org.jdrgn.bytes.FormatException;

/**
 * A debugging information entry: its unit, offset and abbreviation. Attribute values are
 * decoded on each request from the mapped section (nothing is copied or cached here).
 */
public final class Die {
    private final Unit unit;
    private final long offset;
    private final Abbrev abbrev;
    private final long attrsOffset;

    private Die(Unit unit, long offset, Abbrev abbrev, long attrsOffset) {
        this.unit = unit;
        this.offset = offset;
        this.abbrev = abbrev;
        this.attrsOffset = attrsOffset;
    }

    /** The DIE at {@code offset}, or null for a null entry (end of a sibling chain). */
    static Die read(Unit unit, long offset) {
        ByteSlice d = unit.section();
        Cursor c = new Cursor(d, offset);
        long code = c.uleb128();
        if (code == 0) return null;
        if (c.pos() > unit.header().end()) throw new FormatException(d.what(), offset, "DIE runs past the end of its unit");
        return new Die(unit, offset, unit.abbrevs().get(code, d, offset), c.pos());
    }

    public Unit unit() { return unit; }

    public long offset() { return offset; }

    public DieRef ref() { return new DieRef(unit, offset); }

    public Abbrev abbrev() { return abbrev; }

    public int tag() { return abbrev.tag(); }

    public boolean hasChildren() { return abbrev.hasChildren(); }

    /** All attributes in abbreviation order. */
    public List<Attribute> attributes() {
        Cursor c = new Cursor(unit.section(), attrsOffset);
        List<AttrSpec> specs = abbrev.attrs();
        List<Attribute> out = new ArrayList<>(specs.size());
        for (AttrSpec s : specs) out.add(read(c, s));
        checkInUnit(c.pos());
        return out;
    }

    /** The first attribute named {@code at}, or null. */
    public Attribute attribute(int at) {
        int i = abbrev.indexOf(at);
        if (i < 0) return null;
        Cursor c = new Cursor(unit.section(), attrsOffset);
        seekTo(c, i);
        return read(c, abbrev.attr(i));
    }

    public AttrValue value(int at) {
        Attribute a = attribute(at);
        return a == null ? null : a.value();
    }

    public boolean has(int at) { return abbrev.indexOf(at) >= 0; }

    /** DW_AT_name, or null. */
    public String name() { return string(DwAt.name); }

    /** A string attribute, or null if absent or not a string. */
    public String string(int at) { return unit.string(value(at)); }

    /** A flag attribute; false if absent. */
    public boolean flag(int at) {
        return value(at) instanceof AttrValue.Flag f && f.value();
    }

    /** An address attribute (addr, addrx); null if absent. */
    public Long address(int at) {
        AttrValue v = value(at);
        return v == null ? null : unit.address(v);
    }

    /** An unsigned constant (data*, udata, sdata, implicit_const); null if absent or not a constant. */
    public Long unsigned(int at) {
        return switch (value(at)) {
            case AttrValue.Data d -> d.value();
            case AttrValue.Sdata s -> s.value();
            case null, default -> null;
        };
    }

    /** A signed constant: data1/2/4 are sign-extended from their size. */
    public Long signed(int at) {
        return switch (value(at)) {
            case AttrValue.Data d -> d.signed();
            case AttrValue.Sdata s -> s.value();
            case null, default -> null;
        };
    }

    /** The DIE a reference attribute points to (same unit, other unit, supplementary file or type unit); null if absent. */
    public Die ref(int at) {
        Attribute a = attribute(at);
        return a == null ? null : resolve(a.value());
    }

    /** Resolves a reference value. */
    public Die resolve(AttrValue v) {
        return switch (v) {
            case AttrValue.UnitRef r -> unit.die(r.offset());
            case AttrValue.InfoRef r -> unit.dwarf().die(r.offset());
            case AttrValue.SupRef r -> {
                Dwarf sup = unit.dwarf().sup();
                if (sup == null) throw new FormatException(unit.section().what(), offset, "reference to a supplementary file, but there is none");
                yield sup.die(r.offset());
            }
            case AttrValue.SigRef r -> {
                Unit tu = unit.dwarf().typeUnit(r.signature(), unit.section(), offset);
                yield tu.die(tu.header().typeOffset());
            }
            default -> throw new FormatException(unit.section().what(), offset, "not a reference: " + v);
        };
    }

    /** Offset just past this DIE's attributes (its first child, if it has children). */
    public long attributesEnd() {
        long p = attrsOffset;
        if (abbrev.fixedSize() >= 0) {
            unit.section().check(p, abbrev.fixedSize());
            p += abbrev.fixedSize();
        } else {
            int[] forms = abbrev.forms();
            Encoding enc = unit.encoding();
            for (int form : forms) p = Forms.skip(unit.section(), p, form, enc);
        }
        checkInUnit(p);
        return p;
    }

    /** Offset of the next sibling: past this DIE and all its descendants. */
    public long subtreeEnd() { return DieWalk.subtreeEnd(unit, abbrev, attrsOffset); }

    /** The direct children, in order. */
    public List<Die> children() {
        List<Die> out = new ArrayList<>();
        if (!abbrev.hasChildren()) return out;
        long p = attributesEnd();
        long end = unit.header().end();
        // positions strictly increase (subtreeEnd > offset): bounded by the unit size
        while (p < end) {
            Die c = read(unit, p);
            if (c == null) break;
            out.add(c);
            p = c.subtreeEnd();
        }
        return out;
    }

    private void seekTo(Cursor c, int index) {
        int[] forms = abbrev.forms();
        Encoding enc = unit.encoding();
        long p = c.pos();
        for (int i = 0; i < index; i++) p = Forms.skip(unit.section(), p, forms[i], enc);
        c.seek(p);
    }

    private Attribute read(Cursor c, AttrSpec s) {
        Encoding enc = unit.encoding();
        Attribute a = Forms.read(c, s.name(), s.form(), s.implicitConst(), enc, unit.header().offset(), unit.dwarf());
        return a;
    }

    private void checkInUnit(long p) {
        if (p > unit.header().end()) throw new FormatException(unit.section().what(), offset, "DIE runs past the end of its unit");
    }

    @Override public String toString() {
        return DwNames.tag(tag()) + "@" + unit.section().what() + "+0x" + Long.toHexString(offset);
    }
}
