package org.jdrgn.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jdrgn.dwarf.Dwarf;
import org.jdrgn.dwarf.DwarfFiles;
import org.jdrgn.dwarf.DwarfSections;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.testcores.KernelCores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The on-disk cache: a table loaded from it answers exactly like a fresh build (every name,
 * every entry), and a damaged, truncated or stale cache file is rebuilt, never believed.
 */
class IndexCacheTest {
    @TempDir Path dir;

    static Stream<Path> files() {
        List<Path> l = new ArrayList<>(DwarfFiles.testBinaries());
        l.add(DwarfFiles.LIBC_DEBUG);
        return l.stream();
    }

    /** One debug file opened once, so that fresh and cached indexes share Units (DieRef equality). */
    private record Opened(ElfFile elf, Dwarf dwarf) {
        static Opened of(Path p) {
            try {
                ElfFile elf = ElfFile.open(p);
                return new Opened(elf, Dwarf.open(DwarfSections.of(n -> elf.sectionData(n).orElse(null), null)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void cachedTableAnswersLikeAFreshBuild(Path file) {
        Opened f = Opened.of(file);
        assumeTrue(f.elf().buildId().isPresent(), file + " has no build-id");
        DebugIndex fresh = new DebugIndex(IndexCache.none());
        assertFalse(fresh.add(f.dwarf(), f.elf()).cached());

        DebugIndex writer = new DebugIndex(IndexCache.at(dir));
        IndexStats built = writer.add(f.dwarf(), f.elf());
        assertFalse(built.cached());
        assertTrue(Files.isRegularFile(cacheFile(f)), "cache file written");

        DebugIndex reader = new DebugIndex(IndexCache.at(dir));
        IndexStats loaded = reader.add(f.dwarf(), f.elf());
        assertTrue(loaded.cached(), "second open reads the cache");
        assertEquals(built.entries(), loaded.entries());
        assertSameAnswers(fresh, reader);
        assertSameAnswers(fresh, writer);
    }

    @Test
    void vmlinuxCachedTableAnswersLikeAFreshBuild() {
        assumeTrue(KernelCores.dumpsAvailable(), "no vmlinux: run testcores/kernel/make-kernel-cores.sh");
        cachedTableAnswersLikeAFreshBuild(KernelCores.vmlinux());
    }

    @Test
    void damagedCacheFilesAreRebuilt() throws IOException {
        Path bin = DwarfFiles.testBinaries().get(0);
        Opened f = Opened.of(bin);
        assumeTrue(f.elf().buildId().isPresent(), bin + " has no build-id");
        DebugIndex fresh = new DebugIndex(IndexCache.none());
        fresh.add(f.dwarf(), f.elf());
        new DebugIndex(IndexCache.at(dir)).add(f.dwarf(), f.elf());
        Path c = cacheFile(f);
        byte[] good = Files.readAllBytes(c);
        assertTrue(good.length > TableLayout.HEADER_SIZE + 100, "cache size " + good.length);

        List<byte[]> damaged = new ArrayList<>();
        for (long at : new long[] {0, TableLayout.H_VERSION, TableLayout.H_NAMES, TableLayout.HEADER_SIZE + 3,
                good.length / 2, good.length - 1}) {
            byte[] b = good.clone();
            b[(int) at] ^= 0x10;
            damaged.add(b);
        }
        damaged.add(java.util.Arrays.copyOf(good, good.length / 2));   // truncated
        damaged.add(java.util.Arrays.copyOf(good, 10));                // shorter than a header
        damaged.add(new byte[0]);
        damaged.add(java.util.Arrays.copyOf(good, good.length + 8));   // trailing garbage
        for (byte[] b : damaged) {
            Files.write(c, b);
            DebugIndex again = new DebugIndex(IndexCache.at(dir));
            assertFalse(again.add(f.dwarf(), f.elf()).cached(), "damaged cache (" + b.length + " bytes) was used");
            assertSameAnswers(fresh, again);
            // the rebuild replaced the damaged file with a good one
            assertTrue(new DebugIndex(IndexCache.at(dir)).add(f.dwarf(), f.elf()).cached());
        }
    }

    @Test
    void aRebuiltFileWithTheSameBuildIdIsNotMistakenForTheCachedOne() throws IOException {
        Path copy = dir.resolve("copy");
        Files.copy(DwarfFiles.testBinaries().get(0), copy);
        Opened f = Opened.of(copy);
        assumeTrue(f.elf().buildId().isPresent());
        Path cacheDir = dir.resolve("cache");
        new DebugIndex(IndexCache.at(cacheDir)).add(f.dwarf(), f.elf());
        assertTrue(new DebugIndex(IndexCache.at(cacheDir)).add(f.dwarf(), f.elf()).cached());
        Files.setLastModifiedTime(copy, FileTime.fromMillis(Files.getLastModifiedTime(copy).toMillis() - 60_000));
        assertFalse(new DebugIndex(IndexCache.at(cacheDir)).add(f.dwarf(), f.elf()).cached(), "mtime changed");
        Files.write(copy, new byte[] {0}, StandardOpenOption.APPEND);
        Opened grown = Opened.of(copy);
        assertFalse(new DebugIndex(IndexCache.at(cacheDir)).add(grown.dwarf(), grown.elf()).cached(), "size changed");
    }

    @Test
    void noCacheWithoutAFileOrWhenDisabled() {
        Path bin = DwarfFiles.testBinaries().get(0);
        Opened f = Opened.of(bin);
        new DebugIndex(IndexCache.at(dir)).add(f.dwarf());
        new DebugIndex(IndexCache.none()).add(f.dwarf(), f.elf());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path cacheFile(Opened f) { return dir.resolve(f.elf().buildId().orElseThrow().hex() + ".idx"); }

    /** Same names, and for each name the same entries in the same order. */
    static void assertSameAnswers(DebugIndex want, DebugIndex got) {
        Set<String> names = want.names();
        assertEquals(names, got.names());
        assertEquals(want.nameCount(), got.nameCount());
        for (IndexKind k : IndexKind.values()) assertEquals(want.names(Set.of(k)), got.names(Set.of(k)), k.name());
        for (String n : names) assertEquals(want.lookup(n), got.lookup(n), n);
        assertEquals(List.of(), got.lookup("no such name \u00e9"));
    }
}
