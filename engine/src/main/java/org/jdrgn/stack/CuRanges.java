package org.jdrgn.stack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.dwarf.AddressRange;
import org.jdrgn.dwarf.Aranges;
import org.jdrgn.dwarf.Die;
import org.jdrgn.dwarf.DwTag;
import org.jdrgn.dwarf.Dwarf;
import org.jdrgn.dwarf.RangeLists;
import org.jdrgn.dwarf.Unit;

/**
 * Link-time address -> compile units of one file, from .debug_aranges where it lists the unit,
 * else from the unit's DW_AT_ranges/low_pc/high_pc (or its top-level subprograms' when the unit
 * root has none). Sorted intervals with a running
 * maximum of their ends, so overlapping ranges are found with a bounded backward scan. A unit
 * whose DIEs are damaged is left out (its frames then print by symbol).
 */
final class CuRanges {
    private final long[] begins, maxEnds, ends;
    private final Unit[] units;

    private record Entry(long begin, long end, Unit unit) {}

    private CuRanges(List<Entry> entries) {
        entries.sort((a, b) -> Long.compareUnsigned(a.begin(), b.begin()));
        int n = entries.size();
        begins = new long[n];
        ends = new long[n];
        maxEnds = new long[n];
        units = new Unit[n];
        long max = 0;
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            begins[i] = e.begin();
            ends[i] = e.end();
            units[i] = e.unit();
            if (Long.compareUnsigned(e.end(), max) > 0) max = e.end();
            maxEnds[i] = max;
        }
    }

    static CuRanges of(Dwarf dwarf) { return of(dwarf, null); }

    /**
     * With {@code aranges} (.debug_aranges, or null): a unit it lists is mapped from it without
     * reading the unit's DIEs; the others (and all, if the section is damaged) from their roots.
     */
    static CuRanges of(Dwarf dwarf, ByteSlice aranges) {
        Map<Long, List<AddressRange>> listed = Map.of();
        if (aranges != null) {
            try {
                listed = Aranges.byUnit(aranges);
            } catch (FormatException e) {
                // damaged: every unit from its DIEs
            }
        }
        List<Entry> out = new ArrayList<>();
        for (Unit u : dwarf.units()) {
            if (u.header().inTypes()) continue;
            List<AddressRange> known = listed.get(u.header().offset());
            if (known != null && !u.header().isTypeUnit()) {
                for (AddressRange r : known) if (Long.compareUnsigned(r.end(), r.begin()) > 0) out.add(new Entry(r.begin(), r.end(), u));
                continue;
            }
            try {
                Die root = u.root();
                if (root.tag() != DwTag.compile_unit && root.tag() != DwTag.partial_unit) continue;
                List<AddressRange> ranges = RangeLists.of(root);
                if (ranges.isEmpty()) ranges = topLevelRanges(root);
                for (AddressRange r : ranges) if (Long.compareUnsigned(r.end(), r.begin()) > 0) out.add(new Entry(r.begin(), r.end(), u));
            } catch (FormatException e) {
                // damaged unit: not mapped
            }
        }
        return new CuRanges(out);
    }

    private static List<AddressRange> topLevelRanges(Die root) {
        List<AddressRange> out = new ArrayList<>();
        for (Die c : root.children()) if (c.tag() == DwTag.subprogram) out.addAll(RangeLists.of(c));
        return out;
    }

    /** Units with a range containing {@code address}, lowest range start last. */
    List<Unit> at(long address) {
        int lo = 0, hi = begins.length - 1, i = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(begins[mid], address) <= 0) { i = mid; lo = mid + 1; } else hi = mid - 1;
        }
        List<Unit> out = new ArrayList<>(1);
        for (; i >= 0 && Long.compareUnsigned(maxEnds[i], address) > 0; i--) {
            if (Long.compareUnsigned(ends[i], address) > 0 && !out.contains(units[i])) out.add(units[i]);
        }
        return out;
    }

    int size() { return begins.length; }

    @Override public String toString() { return "CuRanges" + Arrays.toString(begins); }
}
