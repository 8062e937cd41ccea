package org.jdrgn.dwarf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.Cursor;
import org.jdrgn.bytes.FormatException;

/**
 * The abbreviation table at one .debug_abbrev offset, parsed for one {@link Encoding} (so that
 * each abbreviation knows its fixed value size). Codes 1..n (what compilers emit) are held in an
 * array; sparse codes in a map.
 */
public final class AbbrevTable {
    private final ByteSlice section;
    private final long offset;
    private final Abbrev[] dense;
    private final Map<Long, Abbrev> sparse;

    private AbbrevTable(ByteSlice section, long offset, Abbrev[] dense, Map<Long, Abbrev> sparse) {
        this.section = section;
        this.offset = offset;
        this.dense = dense;
        this.sparse = sparse;
    }

    public long offset() { return offset; }

    public int size() { return dense.length - 1 + sparse.size(); }

    /** The abbreviation for {@code code}; FormatException (section .debug_info, {@code dieOffset}) if none. */
    public Abbrev get(long code, ByteSlice info, long dieOffset) {
        Abbrev a = code > 0 && code < dense.length ? dense[(int) code] : sparse.get(code);
        if (a == null) {
            throw new FormatException(info.what(), dieOffset, "unknown abbreviation code " + code
                    + " (table at " + section.what() + " offset 0x" + Long.toHexString(offset) + ")");
        }
        return a;
    }

    static AbbrevTable parse(ByteSlice section, long offset, Encoding enc) {
        if (offset < 0 || offset >= section.size())
            throw new FormatException(section.what(), offset, "abbreviation table offset out of range");
        Cursor c = new Cursor(section, offset);
        List<Abbrev> list = new ArrayList<>();
        long maxCode = 0;
        // each iteration consumes at least one byte of a bounded section: terminates
        while (true) {
            long at = c.pos();
            long code = c.uleb128();
            if (code == 0) break;
            int tag = (int) c.uleb128();
            int children = c.u8();
            if (children > 1) throw new FormatException(section.what(), at, "bad DW_CHILDREN value " + children);
            List<AttrSpec> attrs = new ArrayList<>();
            while (true) {
                long specAt = c.pos();
                int name = (int) c.uleb128();
                int form = (int) c.uleb128();
                if (name == 0 && form == 0) break;
                if (name == 0 || form == 0 || !Forms.isKnown(form)) {
                    throw new FormatException(section.what(), specAt, "bad attribute spec (DW_AT 0x"
                            + Integer.toHexString(name) + ", DW_FORM 0x" + Integer.toHexString(form) + ")");
                }
                long implicit = form == DwForm.implicit_const ? c.sleb128() : 0;
                attrs.add(new AttrSpec(name, form, implicit));
            }
            list.add(make(code, tag, children == 1, attrs, enc));
            maxCode = Math.max(maxCode, code);
        }
        boolean denseOk = maxCode <= 2L * list.size() + 16;
        Abbrev[] dense = new Abbrev[denseOk ? (int) maxCode + 1 : 1];
        Map<Long, Abbrev> sparse = new HashMap<>();
        for (Abbrev a : list) {
            boolean dup = denseOk ? dense[(int) a.code()] != null : sparse.containsKey(a.code());
            if (dup) throw new FormatException(section.what(), offset, "duplicate abbreviation code " + a.code());
            if (denseOk) dense[(int) a.code()] = a; else sparse.put(a.code(), a);
        }
        return new AbbrevTable(section, offset, dense, Map.copyOf(sparse));
    }

    private static Abbrev make(long code, int tag, boolean children, List<AttrSpec> attrs, Encoding enc) {
        int[] names = new int[attrs.size()];
        int[] forms = new int[attrs.size()];
        int fixed = 0;
        int sibling = -1;
        for (int i = 0; i < names.length; i++) {
            names[i] = attrs.get(i).name();
            forms[i] = attrs.get(i).form();
            if (names[i] == DwAt.sibling && sibling < 0) sibling = i;
            int n = Forms.fixedSize(forms[i], enc);
            fixed = fixed < 0 || n < 0 ? -1 : fixed + n;
        }
        return new Abbrev(code, tag, children, List.copyOf(attrs), names, forms, fixed, sibling);
    }
}
