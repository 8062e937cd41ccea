package org.jdrgn.index;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import org.jdrgn.dwarf.Dwarf;
import org.jdrgn.dwarf.DwarfFiles;
import org.jdrgn.dwarf.DwarfSections;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.ElfRelocator;
import org.jdrgn.testcores.KernelCores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A name table loaded from the on-disk cache is verified once and then shared by every later
 * index over the same unchanged debug file (as each new Program makes); a rewritten cache file
 * or a changed debug file gets a table of its own. A file with no path (a kernel module's
 * relocated copy) keeps the table it was indexed with instead. Answers are checked against a table built
 * from the DWARF without the cache, and against a function name nm lists.
 */
class SharedNameTableTest {
    @TempDir Path dir;

    private static Dwarf dwarfOf(ElfFile elf) {
        return Dwarf.open(DwarfSections.of(n -> elf.sectionData(n).orElse(null), null));
    }

    private NameTable loadedTable(ElfFile elf) {
        DebugIndex index = new DebugIndex(IndexCache.at(dir));
        assertTrue(index.add(dwarfOf(elf), elf).cached(), "read from the cache");
        assertEquals(1, index.segments().size());
        return index.segments().get(0).table();
    }

    @Test
    void loadedTableIsSharedUntilTheCacheFileChanges() throws Exception {
        Path bin = DwarfFiles.testBinaries().get(0);
        ElfFile elf = ElfFile.open(bin);
        assumeTrue(elf.buildId().isPresent(), bin + " has no build-id");
        Dwarf dwarf = dwarfOf(elf);       // one Dwarf, so that entries (which name it) compare equal
        DebugIndex fresh = new DebugIndex(IndexCache.none());
        fresh.add(dwarf, elf);
        assertFalse(new DebugIndex(IndexCache.at(dir)).add(dwarfOf(elf), elf).cached(), "first one builds and stores");

        NameTable first = loadedTable(elf);
        assertSame(first, loadedTable(ElfFile.open(bin)), "a second index (a second Program) reuses the verified table");
        DebugIndex shared = new DebugIndex(IndexCache.at(dir));
        shared.add(dwarf, elf);
        IndexCacheTest.assertSameAnswers(fresh, shared);
        String fn = firstFunctionFromNm(bin);
        assertFalse(shared.lookup(fn).isEmpty(), fn + " (from nm) is indexed");

        // the same bytes put back as a new cache file (new inode): verified again, not reused
        Path c = dir.resolve(elf.buildId().orElseThrow().hex() + ".idx"), tmp = dir.resolve("copy.tmp");
        Files.copy(c, tmp);
        Files.move(tmp, c, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        NameTable second = loadedTable(elf);
        assertNotSame(first, second);
        assertSame(second, loadedTable(elf));
    }

    @Test
    void changedDebugFileGetsItsOwnTable() throws Exception {
        Path bin = DwarfFiles.testBinaries().get(0);
        assumeTrue(ElfFile.open(bin).buildId().isPresent(), bin + " has no build-id");
        Path copy = dir.resolve("bin");
        Files.copy(bin, copy);
        ElfFile a = ElfFile.open(copy);
        new DebugIndex(IndexCache.at(dir)).add(dwarfOf(a), a);
        NameTable before = loadedTable(a);
        Files.setLastModifiedTime(copy, FileTime.fromMillis(Files.getLastModifiedTime(copy).toMillis() + 2000));
        ElfFile b = ElfFile.open(copy);
        assertNotSame(a, b);
        // the cache file's header names the old mtime: rebuilt and stored, then loaded as b's own
        assertFalse(new DebugIndex(IndexCache.at(dir)).add(dwarfOf(b), b).cached());
        NameTable after = loadedTable(b);
        assertNotSame(before, after);
        assertEquals(before.count(), after.count(), "same DWARF, same names");
    }

    @Test
    void relocatedModuleKeepsItsBuiltTable() throws Exception {
        KernelCores.assumeDumps();
        Path ko = KernelCores.debugModules().stream().filter(p -> p.getFileName().toString().equals("pvpanic.ko")).findFirst().orElseThrow();
        ElfFile placed = ElfRelocator.placeShared(ElfFile.open(ko), s -> s.name().equals(".text") ? 0xffffffffc0000000L : 0);
        assertTrue(placed.path().isEmpty(), "a relocated copy has no file: no disk cache");
        Dwarf dwarf = dwarfOf(placed);
        DebugIndex first = new DebugIndex(IndexCache.at(dir)), second = new DebugIndex(IndexCache.at(dir));
        IndexStats built = first.add(dwarf, placed);
        assertFalse(built.cached());
        assertTrue(built.dies() > 0);
        assertTrue(second.add(dwarf, placed).cached(), "the second index (Program) takes the table kept on the copy");
        assertSame(first.segments().get(0).table(), second.segments().get(0).table());
        IndexCacheTest.assertSameAnswers(first, second);
        assertFalse(second.lookup(firstFunctionFromNm(ko, "pvpanic_panic_notify")).isEmpty());
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count(), "nothing written for a file with no path");
        }
        ElfFile elsewhere = ElfRelocator.placeShared(ElfFile.open(ko), s -> s.name().equals(".text") ? 0xffffffffc0200000L : 0);
        DebugIndex third = new DebugIndex(IndexCache.at(dir));
        assertFalse(third.add(dwarfOf(elsewhere), elsewhere).cached(), "another placement is another file");
        assertNotSame(first.segments().get(0).table(), third.segments().get(0).table());
    }

    /** A defined function symbol as nm lists it. */
    private static String firstFunctionFromNm(Path elf) throws Exception { return firstFunctionFromNm(elf, "main"); }

    private static String firstFunctionFromNm(Path elf, String name) throws Exception {
        Process p = new ProcessBuilder("nm", "--defined-only", elf.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3 && f[1].equalsIgnoreCase("T") && f[2].equals(name)) return f[2];
        }
        fail("nm lists no " + name + " in " + elf);
        return null;
    }
}
