package org.jdrgn.stack;

import org.jdrgn.dwarf.Die;
import org.jdrgn.dwarf.DwAt;

/** Attributes of a concrete DIE that live on its abstract origin or specification (inlined and out-of-line instances). */
public final class DieNames {
    private static final int MAX_HOPS = 8;   // origin -> specification chains are 2 deep in practice

    private DieNames() {}

    /** The first DIE of {@code die}, its DW_AT_abstract_origin, DW_AT_specification... that has {@code at}; null if none. */
    public static Die withAttribute(Die die, int at) {
        Die d = die;
        for (int i = 0; d != null && i < MAX_HOPS; i++) {
            if (d.has(at)) return d;
            Die next = d.ref(DwAt.abstract_origin);
            d = next != null ? next : d.ref(DwAt.specification);
        }
        return null;
    }

    /** DW_AT_name of the DIE or of what it is an instance of; null if none. */
    public static String name(Die die) {
        Die d = withAttribute(die, DwAt.name);
        return d == null ? null : d.name();
    }
}
