package org.jdrgn.dwarf;

import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.Cursor;
import org.jdrgn.bytes.FormatException;

/**
 * A mutable, allocation-free walker for bulk passes (the name index): steps DIE by DIE in
 * pre-order, and on request decodes in one pass just the attributes a name index needs (name,
 * declaration, external, specification/abstract_origin, location, sibling). Single-threaded.
 * Every step moves forward, so corrupt input ends in a FormatException, never a loop.
 */
public final class DieScanner {
    private final Unit unit;
    private final ByteSlice d;
    private final AbbrevTable table;
    private final Encoding enc;
    private final long end;
    private long pos;
    private int depth;
    // current DIE
    private long offset;
    private Abbrev abbrev;
    private long attrs;
    private boolean scanned;
    private long attrsEnd;
    // scanned attributes (position of the value and its form, -1 when absent)
    private long namePos, specPos, locPos, siblingTarget;
    private int nameForm, specForm, locForm;
    private boolean declaration, external;

    public DieScanner(Unit unit) {
        this.unit = unit;
        this.d = unit.section();
        this.table = unit.abbrevs();
        this.enc = unit.encoding();
        this.end = unit.header().end();
        this.pos = unit.header().dieOffset();
    }

    public Unit unit() { return unit; }

    /**
     * Advances to the next DIE (after the current one's attributes: its first child if it has
     * any, unless {@link #skipChildren} was called). Returns false at the end of the unit;
     * {@link #depth()} tracks nesting (null entries close a level).
     */
    public boolean next() {
        if (abbrev != null) {
            pos = attributesEnd();
            if (abbrev.hasChildren()) depth++;
            abbrev = null;
        }
        while (pos < end) {
            long code;
            int b = Raw.u8(d, pos);
            long at = pos;
            if (b < 0x80) {
                code = b;
                pos++;
            } else {
                Cursor c = new Cursor(d, pos);
                code = c.uleb128();
                pos = c.pos();
            }
            if (code == 0) {
                depth--;
                continue;
            }
            offset = at;
            abbrev = table.get(code, d, at);
            attrs = pos;
            scanned = false;
            attrsEnd = -1;
            return true;
        }
        abbrev = null;
        return false;
    }

    /** Steps over the current DIE's descendants: the next {@link #next()} returns its next sibling (or a later DIE). */
    public void skipChildren() {
        if (abbrev == null) return;
        if (!abbrev.hasChildren()) return;
        long s = scanned ? siblingTarget : DieWalk.sibling(unit, abbrev, attrs);
        pos = s >= 0 ? s : DieWalk.skipChildren(unit, attributesEnd());
        abbrev = null;
    }

    /** Nesting depth of the current DIE: the root is 0, its children 1. */
    public int depth() { return depth; }

    public long offset() { return offset; }

    public int tag() { return abbrev.tag(); }

    public boolean hasChildren() { return abbrev.hasChildren(); }

    /** Offset just past the current DIE's attributes. */
    public long attributesEnd() {
        if (attrsEnd < 0) attrsEnd = DieWalk.attributesEnd(unit, abbrev, attrs);
        if (attrsEnd > end) throw new FormatException(d.what(), offset, "DIE runs past the end of its unit");
        return attrsEnd;
    }

    /**
     * Decodes the positions of the attributes the index needs, in one pass: values before the
     * first variable-size one are at offsets known from the abbreviation, the rest are skipped.
     */
    public void scan() {
        if (scanned) return;
        namePos = specPos = locPos = siblingTarget = -1;
        declaration = external = false;
        int[] names = abbrev.names();
        int[] forms = abbrev.forms();
        int n = names.length;
        int fv = abbrev.firstVariable();
        int known = fv < 0 ? n : fv; // attributes [0, known) are at fixed offsets
        long p = fv < 0 ? attrs : attrs + abbrev.offset(fv);
        for (int i = 0; i < n; i++) {
            int at = names[i];
            long v;
            if (i < known) {
                if (!wanted(at)) continue;
                v = attrs + abbrev.offset(i);
            } else {
                v = p;
                p = Forms.skip(d, p, forms[i], enc);
                if (!wanted(at)) continue;
            }
            int form = forms[i];
            if (form == DwForm.indirect) {
                Cursor c = new Cursor(d, v);
                form = (int) c.uleb128();
                v = c.pos();
            }
            switch (at) {
                case DwAt.name -> { namePos = v; nameForm = form; }
                case DwAt.specification, DwAt.abstract_origin -> { if (specPos < 0) { specPos = v; specForm = form; } }
                case DwAt.location -> { locPos = v; locForm = form; }
                case DwAt.declaration -> declaration = form == DwForm.flag_present || (form == DwForm.flag && Raw.u8(d, v) != 0);
                case DwAt.external -> external = form == DwForm.flag_present || (form == DwForm.flag && Raw.u8(d, v) != 0);
                case DwAt.sibling -> { if (siblingTarget < 0 && abbrev.hasChildren()) siblingTarget = DieWalk.siblingTarget(unit, v, form, attrs); }
                default -> { }
            }
        }
        long e = fv < 0 ? attrs + abbrev.fixedSize() : p;
        if (e > end) throw new FormatException(d.what(), offset, "DIE runs past the end of its unit");
        attrsEnd = e;
        scanned = true;
    }

    private static boolean wanted(int at) {
        return switch (at) {
            case DwAt.name, DwAt.specification, DwAt.abstract_origin, DwAt.location, DwAt.declaration,
                 DwAt.external, DwAt.sibling -> true;
            default -> false;
        };
    }

    public boolean isDeclaration() { scan(); return declaration; }

    public boolean isExternal() { scan(); return external; }

    public boolean hasName() { scan(); return namePos >= 0; }

    /** Form of DW_AT_name (after indirect), or 0 if absent. */
    public int nameForm() { scan(); return namePos < 0 ? 0 : nameForm; }

    /**
     * For DW_FORM_strp/line_strp/strp_sup: the string's offset (callers cache decoded names by
     * it, since linkers merge equal strings); -1 for other forms.
     */
    public long nameStringOffset() {
        scan();
        if (namePos < 0) return -1;
        return switch (nameForm) {
            case DwForm.strp, DwForm.line_strp, DwForm.strp_sup, DwForm.GNU_strp_alt -> Raw.uN(d, namePos, enc.offsetSize());
            default -> -1;
        };
    }

    /** {@link #nameLocation()}: the DIE has no DW_AT_name. */
    public static final long NO_NAME = -1;
    /** {@link #nameLocation()}: the name is not stored at one section offset (strx...): use {@link #name()}. */
    public static final long NAME_ELSEWHERE = -2;
    /** String spaces of {@link #nameLocation()}: .debug_info (inline), .debug_str, .debug_line_str, supplementary .debug_str. */
    public static final int SPACE_INFO = 0, SPACE_STR = 1, SPACE_LINE_STR = 2, SPACE_SUP_STR = 3;

    /**
     * Where DW_AT_name's NUL-terminated bytes are, as {@code space << 56 | offset} (see
     * {@link #stringSpace}), so that a bulk reader can hash and compare names without decoding
     * them; {@link #NO_NAME} or {@link #NAME_ELSEWHERE} otherwise.
     */
    public long nameLocation() {
        scan();
        if (namePos < 0) return NO_NAME;
        int space;
        long off;
        switch (nameForm) {
            case DwForm.string -> { space = SPACE_INFO; off = namePos; }
            case DwForm.strp -> { space = SPACE_STR; off = Raw.uN(d, namePos, enc.offsetSize()); }
            case DwForm.line_strp -> { space = SPACE_LINE_STR; off = Raw.uN(d, namePos, enc.offsetSize()); }
            case DwForm.strp_sup, DwForm.GNU_strp_alt -> { space = SPACE_SUP_STR; off = Raw.uN(d, namePos, enc.offsetSize()); }
            default -> { return NAME_ELSEWHERE; }
        }
        return off >>> 56 != 0 ? NAME_ELSEWHERE : (long) space << 56 | off;
    }

    /** The section a {@link #nameLocation()} space refers to, for this unit; FormatException if absent. */
    public ByteSlice stringSpace(int space) {
        return switch (space) {
            case SPACE_INFO -> d;
            case SPACE_STR -> unit.dwarf().section(Dwarf.Sec.STR, d, offset);
            case SPACE_LINE_STR -> unit.dwarf().section(Dwarf.Sec.LINE_STR, d, offset);
            case SPACE_SUP_STR -> unit.dwarf().supStr(d, offset);
            default -> throw new IllegalArgumentException("string space " + space);
        };
    }

    /** DW_AT_name decoded, or null. */
    public String name() {
        scan();
        if (namePos < 0) return null;
        Cursor c = new Cursor(d, namePos);
        return unit.string(Forms.read(c, DwAt.name, nameForm, 0, enc, unit.header().offset(), unit.dwarf()).value());
    }

    /** The DIE named by DW_AT_specification or DW_AT_abstract_origin, or null. */
    public Die specification() {
        scan();
        if (specPos < 0) return null;
        Cursor c = new Cursor(d, specPos);
        AttrValue v = Forms.read(c, DwAt.specification, specForm, 0, enc, unit.header().offset(), unit.dwarf()).value();
        return unit.die(offset).resolve(v);
    }

    /** DW_AT_location as an expression (exprloc or block), or null (absent, or a location list). */
    public ByteSlice locationExpression() {
        scan();
        if (locPos < 0) return null;
        return switch (locForm) {
            case DwForm.exprloc, DwForm.block, DwForm.block1, DwForm.block2, DwForm.block4 -> {
                AttrValue v = Forms.read(new Cursor(d, locPos), DwAt.location, locForm, 0, enc, unit.header().offset(), unit.dwarf()).value();
                yield v instanceof AttrValue.Exprloc e ? e.expr() : ((AttrValue.Block) v).data();
            }
            default -> null;
        };
    }

    /** The current DIE as a reference (for lookups). */
    public DieRef ref() { return new DieRef(unit, offset); }
}
