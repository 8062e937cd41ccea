package org.jdrgn.stack;

import java.util.ArrayList;
import java.util.List;
import org.jdrgn.dwarf.AddressRange;
import org.jdrgn.dwarf.Die;
import org.jdrgn.dwarf.DwTag;
import org.jdrgn.dwarf.RangeLists;
import org.jdrgn.dwarf.Unit;

/**
 * The nested code scopes of a unit containing an address: the DW_TAG_subprogram, then the
 * lexical blocks and DW_TAG_inlined_subroutine instances inside it, outermost first.
 */
final class Scopes {
    /** Deeper nesting than this is taken as corrupt input. */
    static final int MAX_DEPTH = 256;

    private Scopes() {}

    /** Outermost first; empty if no subprogram of the unit covers the (link-time) address. */
    static List<Die> at(Unit unit, long address) { return walk(unit.root(), new ArrayList<>(), address); }

    /**
     * The chain below a top-level {@code function} known to contain the address (found by
     * {@link UnitFunctions}), outermost first: the function, then its blocks and inlined calls.
     */
    static List<Die> within(Die function, long address) {
        List<Die> chain = new ArrayList<>();
        chain.add(function);
        return walk(function, chain, address);
    }

    private static List<Die> walk(Die from, List<Die> chain, long address) {
        Die cur = from;
        while (chain.size() < MAX_DEPTH) {
            Die next = null;
            for (Die c : cur.children()) {
                if (!isScope(c.tag(), chain.isEmpty())) continue;
                if (contains(RangeLists.of(c), address)) { next = c; break; }
            }
            if (next == null) break;
            chain.add(next);
            cur = next;
        }
        return chain;
    }

    private static boolean isScope(int tag, boolean topLevel) {
        if (topLevel) return tag == DwTag.subprogram;
        return tag == DwTag.subprogram || tag == DwTag.inlined_subroutine || tag == DwTag.lexical_block;
    }

    static boolean contains(List<AddressRange> ranges, long address) {
        for (AddressRange r : ranges) if (r.contains(address)) return true;
        return false;
    }

    /** True for DIEs that start a logical frame (a function or an inlined call). */
    static boolean isFunction(Die d) {
        return d.tag() == DwTag.subprogram || d.tag() == DwTag.inlined_subroutine;
    }
}
