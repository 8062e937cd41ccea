package org.jdrgn.dwarf;

import java.util.List;

/**
 * One abbreviation declaration. {@code fixedSize} is the byte size of all attribute values
 * when every form has a fixed size for the table's encoding (-1 otherwise), so a DIE can be
 * stepped over without decoding; {@code siblingIndex} is the position of DW_AT_sibling or -1.
 */
public record Abbrev(long code, int tag, boolean hasChildren, List<AttrSpec> attrs,
                     int[] names, int[] forms, int fixedSize, int siblingIndex) {

    /** The position of attribute {@code at}, or -1. */
    public int indexOf(int at) {
        for (int i = 0; i < names.length; i++) if (names[i] == at) return i;
        return -1;
    }
}
