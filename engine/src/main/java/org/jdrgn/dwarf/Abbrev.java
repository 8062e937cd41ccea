package org.jdrgn.dwarf;

import java.util.ArrayList;
import java.util.List;

/**
 * One abbreviation declaration, kept as flat arrays (a kernel has ~250k of them: no object per
 * attribute). {@code fixedSize} is the byte size of all attribute values when every form has a
 * fixed size for the table's encoding (-1 otherwise), so a DIE can be stepped over without
 * decoding; {@code siblingIndex} is the position of DW_AT_sibling or -1; {@code offset(i)} is
 * where attribute i's value starts relative to the first when all before it have fixed sizes.
 */
public final class Abbrev {
    private final long code;
    private final int tag;
    private final boolean hasChildren;
    private final int[] names, forms;
    private final long[] implicitConsts; // null when no DW_FORM_implicit_const
    private final int[] offsets;
    private final int fixedSize, siblingIndex, firstVariable;

    Abbrev(long code, int tag, boolean hasChildren, int[] names, int[] forms, long[] implicitConsts, Encoding enc) {
        this.code = code;
        this.tag = tag;
        this.hasChildren = hasChildren;
        this.names = names;
        this.forms = forms;
        this.implicitConsts = implicitConsts;
        this.offsets = new int[names.length];
        int at = 0, sibling = -1, firstVar = -1;
        for (int i = 0; i < names.length; i++) {
            if (names[i] == DwAt.sibling && sibling < 0) sibling = i;
            offsets[i] = at;
            int n = at < 0 ? -1 : Forms.fixedSize(forms[i], enc);
            if (n < 0 && at >= 0) firstVar = i;
            at = n < 0 ? -1 : at + n;
        }
        this.fixedSize = at;
        this.siblingIndex = sibling;
        this.firstVariable = firstVar;
    }

    public long code() { return code; }

    public int tag() { return tag; }

    public boolean hasChildren() { return hasChildren; }

    public int[] names() { return names; }

    public int[] forms() { return forms; }

    public int fixedSize() { return fixedSize; }

    public int siblingIndex() { return siblingIndex; }

    /** Attribute i's (name, form, implicit constant). */
    public AttrSpec attr(int i) { return new AttrSpec(names[i], forms[i], implicitConsts == null ? 0 : implicitConsts[i]); }

    /** All attribute specs, in order (built on each call). */
    public List<AttrSpec> attrs() {
        List<AttrSpec> out = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) out.add(attr(i));
        return out;
    }

    /** The position of attribute {@code at}, or -1. */
    public int indexOf(int at) {
        for (int i = 0; i < names.length; i++) if (names[i] == at) return i;
        return -1;
    }

    /** Byte offset of attribute i's value from the first value, or -1 if a variable-size value precedes it. */
    int offset(int i) { return offsets[i]; }

    /** Index of the first variable-size value, or -1 if all are fixed. */
    int firstVariable() { return firstVariable; }
}
