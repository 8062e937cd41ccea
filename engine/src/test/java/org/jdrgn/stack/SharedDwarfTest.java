package org.jdrgn.stack;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.jdrgn.dwarf.Dwarf;
import org.jdrgn.dwarf.Unit;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.program.load.DumpLoader;
import org.jdrgn.program.DebugInfo;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.FileDwarf;
import org.jdrgn.program.Module;
import org.jdrgn.program.Program;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One Dwarf per file: the type index and the unwinder of a Program read the same one, and a
 * second Program over the same unchanged files gets it again (unit headers, abbreviations);
 * a file changed on disk gets a fresh one.
 */
class SharedDwarfTest {
    private static final String CORE = "threads_O2-dw5-pie.gcore";

    @BeforeAll
    static void runTree() { TestCores.materializeRunTree(); }

    private record Opened(Program prog, Module main, ElfFile file) {}

    private static Opened open() {
        Program prog = new Program(null);
        DumpLoader.open(prog, TestCores.core(CORE), DebugInfoOptions.DEFAULT, w -> { });
        Module main = prog.target().loadedModules().orElseThrow().main().orElseThrow();
        ElfFile file = main.debugFile().or(main::loadedFile).filter(ElfFile::hasDebugInfo).orElseThrow();
        return new Opened(prog, main, file);
    }

    @Test
    void indexUnwinderAndLaterProgramsShareOneDwarf() throws Exception {
        Opened a = open(), b = open();
        assertNotSame(a.prog(), b.prog());
        assertSame(a.file(), b.file());
        Dwarf dwarf = FileDwarf.of(a.file());
        assertSame(dwarf, FileDwarf.of(b.file()));
        for (Opened o : List.of(a, b)) {
            assertSame(dwarf, StackTraces.forProgram(o.prog()).dwarf(o.main()).orElseThrow().dwarf());
            DebugInfo index = new DebugInfo(o.prog().target().loadedModules().orElseThrow().modules(), w -> { });
            assertSame(o.main(), index.moduleOf(dwarf).orElseThrow(), "the index holds this very Dwarf");
        }
        assertEquals(readelfUnits(a.file().path().orElseThrow()), dwarf.units().size());
        // what the unwinder parses from the file alone (line programs), and the symbol table, are shared too
        ModuleDwarf da = StackTraces.forProgram(a.prog()).dwarf(a.main()).orElseThrow();
        ModuleDwarf db = StackTraces.forProgram(b.prog()).dwarf(b.main()).orElseThrow();
        assertNotSame(da, db);
        Unit first = dwarf.units().get(0);
        assertTrue(da.lineProgram(first).isPresent());
        assertSame(da.lineProgram(first).orElseThrow(), db.lineProgram(first).orElseThrow());
        assertSame(a.main().symbols(), b.main().symbols());
    }

    @Test
    void changedFileGetsItsOwnDwarf(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("threads");
        Files.copy(TestCores.binaryFor(CORE), copy);
        Dwarf first = FileDwarf.of(ElfFile.open(copy));
        assertSame(first, FileDwarf.of(ElfFile.open(copy)));
        Files.setLastModifiedTime(copy, FileTime.fromMillis(Files.getLastModifiedTime(copy).toMillis() + 2000));
        Dwarf second = FileDwarf.of(ElfFile.open(copy));
        assertNotSame(first, second);
        assertEquals(readelfUnits(copy), second.units().size());
        for (int i = 0; i < first.units().size(); i++) {
            Unit u = first.units().get(i), v = second.units().get(i);
            assertNotSame(u, v);
            assertEquals(u.header(), v.header());    // same bytes, parsed again
        }
    }

    /** Compilation units readelf lists in .debug_info. */
    private static int readelfUnits(Path elf) throws Exception {
        Process p = new ProcessBuilder("readelf", "--debug-dump=info", elf.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        int n = 0;
        for (String line : out.split("\n")) if (line.trim().startsWith("Compilation Unit @")) n++;
        assertTrue(n > 0, "readelf found no units in " + elf);
        return n;
    }
}
