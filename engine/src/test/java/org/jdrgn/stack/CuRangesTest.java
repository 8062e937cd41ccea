package org.jdrgn.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jdrgn.dwarf.Dwarf;
import org.jdrgn.dwarf.DwarfSections;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The address -> unit map read from .debug_aranges names the same units as the one built from
 * the units' root DIEs, at every function start nm lists (and one byte before its end): the
 * testcores executables (gcc 12, DWARF 4 and 5) and the kernel's vmlinux.
 */
class CuRangesTest {
    static Stream<Path> files() {
        List<Path> l = new ArrayList<>();
        for (String core : TestCores.list()) {
            Path p = TestCores.binaryFor(core);
            if (!l.contains(p)) l.add(p);
        }
        if (KernelCores.dumpsAvailable()) l.add(KernelCores.vmlinux());
        return l.stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void arangesAgreeWithUnitDies(Path file) throws IOException {
        ElfFile elf = ElfFile.open(file);
        Dwarf dwarf = Dwarf.open(DwarfSections.of(n -> elf.sectionData(n).orElse(null), null));
        CuRanges fromDies = CuRanges.of(dwarf);
        CuRanges fromAranges = CuRanges.of(dwarf, elf.sectionData(".debug_aranges").orElseThrow());
        int checked = 0, mapped = 0;
        for (String line : nm(file)) {
            String[] f = line.trim().split("\\s+");
            if (f.length != 4 || !"tT".contains(f[2])) continue;
            long start = Long.parseUnsignedLong(f[0], 16), size = Long.parseUnsignedLong(f[1], 16);
            for (long a : new long[] {start, start + Math.max(size, 1) - 1}) {
                List<?> want = fromDies.at(a);
                assertEquals(want, fromAranges.at(a), f[3] + " at 0x" + Long.toHexString(a));
                checked++;
                if (!want.isEmpty()) mapped++;
            }
        }
        // a static binary's libc functions have no DWARF: no unit either way
        assertTrue(checked >= 6 && mapped >= 4, "addresses checked " + checked + ", in some unit " + mapped);
    }

    static List<String> nm(Path file) {
        try {
            Path out = Files.createTempFile("nm", ".txt");
            Process p = new ProcessBuilder("nm", "-S", file.toString()).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
            List<String> lines = Files.readAllLines(out);
            Files.delete(out);
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
