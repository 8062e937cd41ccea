package org.jdrgn.dwarf;

import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.Cursor;
import org.jdrgn.bytes.FormatException;

/**
 * Fast stepping over DIEs without decoding them: fixed-size attribute blocks are jumped over,
 * DW_AT_sibling is followed when present. Every step moves forward, so corrupt input ends in
 * a FormatException or at the unit end, never in a loop.
 */
public final class DieWalk {
    private DieWalk() {}

    /** Offset just past the attribute values starting at {@code attrsOffset}. */
    public static long attributesEnd(Unit unit, Abbrev a, long attrsOffset) {
        ByteSlice d = unit.section();
        int fixed = a.fixedSize();
        if (fixed >= 0) {
            d.check(attrsOffset, fixed);
            return attrsOffset + fixed;
        }
        // values before the first variable-size one are at known offsets
        int i = a.firstVariable();
        long p = attrsOffset + a.offset(i);
        Encoding enc = unit.encoding();
        int[] forms = a.forms();
        for (; i < forms.length; i++) p = Forms.skip(d, p, forms[i], enc);
        return p;
    }

    /**
     * The DW_AT_sibling target of a DIE whose abbreviation has one, validated to point forward
     * inside the unit; -1 if the abbreviation has no sibling attribute.
     */
    public static long sibling(Unit unit, Abbrev a, long attrsOffset) {
        int si = a.siblingIndex();
        if (si < 0) return -1;
        ByteSlice d = unit.section();
        Encoding enc = unit.encoding();
        int[] forms = a.forms();
        long p;
        if (a.offset(si) >= 0) {
            p = attrsOffset + a.offset(si);
        } else {
            int i = a.firstVariable();
            p = attrsOffset + a.offset(i);
            for (; i < si; i++) p = Forms.skip(d, p, forms[i], enc);
        }
        return siblingTarget(unit, p, forms[si], attrsOffset);
    }

    /** The DW_AT_sibling value of form {@code form} at {@code p}, validated to point forward inside the unit. */
    static long siblingTarget(Unit unit, long p, int form, long attrsOffset) {
        ByteSlice d = unit.section();
        Encoding enc = unit.encoding();
        long unitOff = unit.header().offset();
        long target = switch (form) {
            case DwForm.ref1 -> unitOff + Raw.u8(d, p);
            case DwForm.ref2 -> unitOff + Raw.u16(d, p);
            case DwForm.ref4 -> unitOff + Raw.u32(d, p);
            case DwForm.ref8 -> unitOff + Raw.u64(d, p);
            case DwForm.ref_udata -> unitOff + new Cursor(d, p).uleb128();
            case DwForm.ref_addr -> Raw.uN(d, p, enc.version() <= 2 ? enc.addressSize() : enc.offsetSize());
            default -> throw new FormatException(d.what(), p, "DW_AT_sibling has form " + DwNames.form(form));
        };
        if (target <= attrsOffset || target > unit.header().end()) {
            throw new FormatException(d.what(), p, "DW_AT_sibling 0x" + Long.toHexString(target)
                    + " does not point forward inside the unit");
        }
        return target;
    }

    /** Offset past the DIE (whose attributes start at {@code attrsOffset}) and all its descendants. */
    public static long subtreeEnd(Unit unit, Abbrev a, long attrsOffset) {
        if (!a.hasChildren()) return attributesEnd(unit, a, attrsOffset);
        long s = sibling(unit, a, attrsOffset);
        if (s >= 0) return s;
        return skipChildren(unit, attributesEnd(unit, a, attrsOffset));
    }

    /** From the first child position, the offset past the terminating null entry of the children. */
    public static long skipChildren(Unit unit, long p) {
        ByteSlice d = unit.section();
        AbbrevTable table = unit.abbrevs();
        long end = unit.header().end();
        int depth = 1;
        while (depth > 0) {
            // producers may omit the trailing null entries at the end of a unit
            if (p >= end) return end;
            long code;
            int b = Raw.u8(d, p);
            if (b < 0x80) {
                code = b;
                p++;
            } else {
                Cursor c = new Cursor(d, p);
                code = c.uleb128();
                p = c.pos();
            }
            if (code == 0) {
                depth--;
                continue;
            }
            Abbrev a = table.get(code, d, p);
            long attrs = p;
            if (a.hasChildren()) {
                long s = sibling(unit, a, attrs);
                if (s >= 0) {
                    p = s;
                } else {
                    p = attributesEnd(unit, a, attrs);
                    depth++;
                }
            } else {
                p = attributesEnd(unit, a, attrs);
            }
        }
        return p;
    }
}
