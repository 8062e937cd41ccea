package org.jdrgn.index;

import org.jdrgn.dwarf.DieRef;

/**
 * One indexed name: the DIE (decoded lazily by the caller) and what the index learned while
 * building. For enumerators, {@code die} is the enumeration type and {@code enumeratorIndex}
 * the position of the enumerator in it (-1 if unknown: search the enum by name).
 */
public record IndexEntry(String name, IndexKind kind, DieRef die, boolean declaration,
                         boolean external, boolean threadLocal, int enumeratorIndex) {
    /** DW_AT_name of the unit holding the DIE (the source file for compile units), or null. */
    public String unitName() { return die.unit().name(); }
}
