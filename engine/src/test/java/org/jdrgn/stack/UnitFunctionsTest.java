package org.jdrgn.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdrgn.dwarf.Die;
import org.jdrgn.dwarf.Dwarf;
import org.jdrgn.dwarf.DwarfSections;
import org.jdrgn.dwarf.Unit;
import org.jdrgn.elf.ElfFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The per-unit function table finds the scope chain a walk of the unit's DIEs finds, at every
 * function start nm lists (every Nth of a vmlinux's), its middle and one byte before its end, and
 * names the function nm names there when DWARF has it.
 */
class UnitFunctionsTest {
    static java.util.stream.Stream<Path> files() { return CuRangesTest.files(); }

    @ParameterizedTest
    @MethodSource("files")
    void tableAgreesWithDieWalk(Path file) throws IOException {
        ElfFile elf = ElfFile.open(file);
        Dwarf dwarf = Dwarf.open(DwarfSections.of(n -> elf.sectionData(n).orElse(null), null));
        CuRanges units = CuRanges.of(dwarf, elf.sectionData(".debug_aranges").orElse(null));
        Map<Unit, UnitFunctions> tables = new HashMap<>();
        int checked = 0, named = 0;
        List<String> lines = CuRangesTest.nm(file);
        int stride = Math.max(1, lines.size() / 3000);         // vmlinux: every Nth (each walk reads a whole unit)
        for (int k = 0; k < lines.size(); k += stride) {
            String[] f = lines.get(k).trim().split("\\s+");
            if (f.length != 4 || !"tT".contains(f[2])) continue;
            long start = Long.parseUnsignedLong(f[0], 16), size = Long.parseUnsignedLong(f[1], 16);
            for (long a : new long[] {start, start + size / 2, start + Math.max(size, 1) - 1}) {
                for (Unit u : units.at(a)) {
                    List<Die> walk = Scopes.at(u, a);
                    Die function = tables.computeIfAbsent(u, UnitFunctions::of).at(a);
                    List<Die> fast = function == null ? List.of() : Scopes.within(function, a);
                    assertEquals(walk.stream().map(Die::offset).toList(), fast.stream().map(Die::offset).toList(),
                            f[3] + " at 0x" + Long.toHexString(a));
                    checked++;
                    if (a == start && !fast.isEmpty() && f[3].equals(DieNames.name(fast.getFirst()))) named++;
                }
            }
        }
        assertTrue(checked >= 6 && named >= 2, "addresses checked " + checked + ", functions named as nm says " + named);
    }
}
