package org.jdrgn.stack;

import java.util.ArrayList;
import java.util.List;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.dwarf.AddressRange;
import org.jdrgn.dwarf.Die;
import org.jdrgn.dwarf.DwTag;
import org.jdrgn.dwarf.RangeLists;
import org.jdrgn.dwarf.Unit;

/**
 * The top-level functions (DW_TAG_subprogram children of the root) of one unit by address,
 * read once: finding a pc's function otherwise walks the unit's root children (and, without
 * DW_AT_sibling, their subtrees) on every lookup, and an unwind with tail-call search looks up
 * dozens of addresses in the same few units. Answers what a walk in DIE order would: the first
 * function whose ranges contain the address, and the same FormatException if a damaged one
 * comes before it.
 */
final class UnitFunctions {
    private final Die[] functions;        // by DIE order
    private final long[] begins, ends, maxEnds;
    private final int[] order;            // DIE-order index of each sorted range
    private final int firstBad;           // DIE-order index of the first function with unreadable ranges, or MAX
    private final FormatException bad;

    private record Range(long begin, long end, int function) {}

    private UnitFunctions(List<Die> functions, List<Range> ranges, int firstBad, FormatException bad) {
        this.functions = functions.toArray(Die[]::new);
        ranges.sort((a, b) -> Long.compareUnsigned(a.begin(), b.begin()));
        int n = ranges.size();
        begins = new long[n];
        ends = new long[n];
        maxEnds = new long[n];
        order = new int[n];
        long max = 0;
        for (int i = 0; i < n; i++) {
            Range r = ranges.get(i);
            begins[i] = r.begin();
            ends[i] = r.end();
            order[i] = r.function();
            if (Long.compareUnsigned(r.end(), max) > 0) max = r.end();
            maxEnds[i] = max;
        }
        this.firstBad = firstBad;
        this.bad = bad;
    }

    /** Reads the unit's root children; FormatException if they cannot be read at all. */
    static UnitFunctions of(Unit unit) {
        List<Die> functions = new ArrayList<>();
        List<Range> ranges = new ArrayList<>();
        int firstBad = Integer.MAX_VALUE;
        FormatException bad = null;
        for (Die c : unit.root().children()) {
            if (c.tag() != DwTag.subprogram) continue;
            int index = functions.size();
            functions.add(c);
            try {
                for (AddressRange r : RangeLists.of(c)) ranges.add(new Range(r.begin(), r.end(), index));
            } catch (FormatException e) {
                if (bad == null) {
                    firstBad = index;
                    bad = e;
                }
            }
        }
        return new UnitFunctions(functions, ranges, firstBad, bad);
    }

    /** The first function in DIE order containing the link-time address, or null. */
    Die at(long address) {
        int lo = 0, hi = begins.length - 1, i = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(begins[mid], address) <= 0) { i = mid; lo = mid + 1; } else hi = mid - 1;
        }
        int best = Integer.MAX_VALUE;
        for (; i >= 0 && Long.compareUnsigned(maxEnds[i], address) > 0; i--) {
            if (Long.compareUnsigned(ends[i], address) > 0 && order[i] < best) best = order[i];
        }
        if (firstBad < best) throw bad;
        return best == Integer.MAX_VALUE ? null : functions[best];
    }
}
