package org.jdrgn.unwind.tables;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.ElfSymbolTable;
import org.jdrgn.program.load.DumpLoader;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.Module;
import org.jdrgn.program.Program;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file's CFI sections (their FDE index and CIEs) and its link-time symbol lookups are parsed
 * once and shared by every Program over the unchanged file; another address size or a changed
 * file gets its own. FDE bounds are checked against readelf, the symbol against nm.
 */
class SharedCfiTest {
    private static final String CORE = "threads_O2-dw5-pie.gcore";

    @BeforeAll
    static void runTree() { TestCores.materializeRunTree(); }

    private static Module mainOf(Program prog) {
        DumpLoader.open(prog, TestCores.core(CORE), DebugInfoOptions.DEFAULT, w -> { });
        return prog.target().loadedModules().orElseThrow().main().orElseThrow();
    }

    @Test
    void twoProgramsShareTheCfiOfOneFile() throws Exception {
        Program pa = new Program(null), pb = new Program(null);
        Module a = mainOf(pa), b = mainOf(pb);
        ElfFile fa = a.loadedFile().orElseThrow(), fb = b.loadedFile().orElseThrow();
        assertSame(fa, fb);
        CfiSection eh = CfiSection.ehFrame(fa, 8).orElseThrow();
        assertSame(eh, CfiSection.ehFrame(fb, 8).orElseThrow());
        ElfFile da = a.debugFile().or(a::loadedFile).orElseThrow();
        assertSame(CfiSection.debugFrame(da, 8), CfiSection.debugFrame(b.debugFile().or(b::loadedFile).orElseThrow(), 8));

        // the shared index answers as readelf does: the FDE around main, link-time
        Path bin = fa.path().orElseThrow();
        long main = ElfSymbolTable.lookup(fa, "main").orElseThrow().address();
        assertEquals(nmAddress(bin, "main"), main, "link-time main, as nm has it");
        assertSame(ElfSymbolTable.lookup(fa, "main"), ElfSymbolTable.lookup(fb, "main"), "link-time lookups kept on the file");
        long[] range = readelfFdeAround(bin, main);
        Fde f = eh.fde(main).orElseThrow();
        assertEquals(range[0], f.pcBegin());
        assertEquals(range[1], f.pcEnd());
    }

    @Test
    void otherAddressSizeOrChangedFileIsNotShared(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("threads");
        Files.copy(TestCores.binaryFor(CORE), copy);
        ElfFile first = ElfFile.open(copy);
        CfiSection eh = CfiSection.ehFrame(first, 8).orElseThrow();
        assertNotSame(eh, CfiSection.ehFrame(first, 4).orElseThrow(), "keyed by address size");
        Files.setLastModifiedTime(copy, FileTime.fromMillis(Files.getLastModifiedTime(copy).toMillis() + 2000));
        ElfFile second = ElfFile.open(copy);
        assertNotSame(first, second);
        CfiSection again = CfiSection.ehFrame(second, 8).orElseThrow();
        assertNotSame(eh, again);
        long main = nmAddress(copy, "main");
        assertEquals(eh.fde(main).orElseThrow().pcBegin(), again.fde(main).orElseThrow().pcBegin(), "same bytes, parsed again");
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    private static long nmAddress(Path elf, String name) throws Exception {
        for (String line : run("nm", "--defined-only", elf.toString()).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3 && f[2].equals(name)) return Long.parseUnsignedLong(f[0], 16);
        }
        return fail("nm lists no " + name + " in " + elf);
    }

    /** [begin, end) of the .eh_frame FDE readelf shows around {@code pc}. */
    private static long[] readelfFdeAround(Path elf, long pc) throws Exception {
        Matcher m = Pattern.compile("FDE cie=\\p{XDigit}+ pc=(\\p{XDigit}+)\\.\\.(\\p{XDigit}+)")
                .matcher(run("readelf", "--debug-dump=frames", elf.toString()));
        while (m.find()) {
            long lo = Long.parseUnsignedLong(m.group(1), 16), hi = Long.parseUnsignedLong(m.group(2), 16);
            if (pc >= lo && pc < hi) return new long[] {lo, hi};
        }
        return fail("readelf shows no FDE around 0x" + Long.toHexString(pc) + " in " + elf);
    }
}
