package org.jdrgn.dwarf;

import java.util.ArrayList;
import java.util.Arrays;
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
        List<Abbrev> list = new ArrayList<>();
        long maxCode = 0;
        long p = offset;
        int[] names = new int[16], forms = new int[16];
        long[] implicit = new long[16];
        // each iteration consumes at least one byte of a bounded section: terminates
        while (true) {
            long at = p;
            long code = uleb(section, p);
            p += Raw.lebLength(section, p);
            if (code == 0) break;
            int tag = (int) uleb(section, p);
            p += Raw.lebLength(section, p);
            int children = Raw.u8(section, p++);
            if (children > 1) throw new FormatException(section.what(), at, "bad DW_CHILDREN value " + children);
            int n = 0;
            boolean anyImplicit = false;
            while (true) {
                long specAt = p;
                int name = (int) uleb(section, p);
                p += Raw.lebLength(section, p);
                int form = (int) uleb(section, p);
                p += Raw.lebLength(section, p);
                if (name == 0 && form == 0) break;
                if (name == 0 || form == 0 || !Forms.isKnown(form)) {
                    throw new FormatException(section.what(), specAt, "bad attribute spec (DW_AT 0x"
                            + Integer.toHexString(name) + ", DW_FORM 0x" + Integer.toHexString(form) + ")");
                }
                long imp = 0;
                if (form == DwForm.implicit_const) {
                    Cursor c = new Cursor(section, p);
                    imp = c.sleb128();
                    p = c.pos();
                    anyImplicit = true;
                }
                if (n == names.length) {
                    names = Arrays.copyOf(names, n * 2);
                    forms = Arrays.copyOf(forms, n * 2);
                    implicit = Arrays.copyOf(implicit, n * 2);
                }
                names[n] = name;
                forms[n] = form;
                implicit[n++] = imp;
            }
            list.add(new Abbrev(code, tag, children == 1, Arrays.copyOf(names, n), Arrays.copyOf(forms, n),
                    anyImplicit ? Arrays.copyOf(implicit, n) : null, enc));
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

    /** An unsigned LEB128 value (its length: {@link Raw#lebLength}); one-byte values, the usual case, first. */
    private static long uleb(ByteSlice s, long p) {
        int b = Raw.u8(s, p);
        if (b < 0x80) return b;
        return new Cursor(s, p).uleb128();
    }
}
