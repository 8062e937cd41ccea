package org.jdrgn.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Function ranges against nm -S; every function inside its unit's ranges; location lists decode and stay in range. */
class RangeListsTest {
    static java.util.stream.Stream<Path> files() { return DieReaderTest.files(); }

    @ParameterizedTest
    @MethodSource("files")
    void functionRangesMatchSymbolsAndUnitRanges(Path file) {
        Map<String, long[]> syms = new HashMap<>();
        for (String l : DwarfFiles.run("nm", "-S", file.toString())) {
            String[] f = l.trim().split("\\s+");
            if (f.length == 4 && "tT".contains(f[2])) syms.put(f[3], new long[] {Long.parseUnsignedLong(f[0], 16), Long.parseUnsignedLong(f[1], 16)});
        }
        Dwarf dw = DwarfFiles.open(file);
        int matched = 0, lists = 0;
        for (Unit u : dw.units()) {
            List<AddressRange> unitRanges = RangeLists.of(u.root());
            DieCursor c = new DieCursor(u);
            for (Die d = c.next(); d != null; d = c.next()) {
                if (d.tag() == DwTag.subprogram && d.has(DwAt.low_pc)) {
                    List<AddressRange> r = RangeLists.of(d);
                    long[] sym = syms.get(d.name());
                    if (sym != null && sym[0] == r.get(0).begin()) {
                        assertEquals(sym[0] + sym[1], r.get(0).end(), d.name());
                        matched++;
                    }
                    assertTrue(unitRanges.stream().anyMatch(x -> x.contains(r.get(0).begin())), d + " outside its unit");
                }
                if (d.tag() == DwTag.variable || d.tag() == DwTag.formal_parameter) {
                    List<LocationListEntry> l = LocationLists.of(d, DwAt.location);
                    if (l == null) continue;
                    lists++;
                    for (LocationListEntry e : l) {
                        assertTrue(Long.compareUnsigned(e.begin(), e.end()) <= 0, d.toString());
                        if (e.end() != -1) assertTrue(unitRanges.stream().anyMatch(x -> x.contains(e.begin()) || e.begin() == e.end()), d + " list entry outside unit");
                    }
                }
            }
        }
        assertTrue(matched >= 3, "functions matched with nm: " + matched);
        if (file.toString().contains("O2") || file.equals(DwarfFiles.LIBC_DEBUG)) assertFalse(lists == 0, "optimized code has location lists");
    }
}
