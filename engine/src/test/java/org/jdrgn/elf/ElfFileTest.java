package org.jdrgn.elf;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jdrgn.bytes.ByteSlice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ElfFile against readelf on installed binaries, libc and its libc6-dbg debug file. */
class ElfFileTest {
    static final Path LS = Path.of("/usr/bin/ls");
    static final Path LIBC = Path.of("/lib/x86_64-linux-gnu/libc.so.6");

    @Test
    void headerOfExecutableAndLibrary() throws IOException {
        ElfFile ls = ElfFile.open(LS);
        assertEquals(ElfConstants.EM_X86_64, ls.machine());
        assertTrue(Readelf.run("-h", LS.toString()).contains("DYN (Position-Independent Executable file)"));
        assertEquals(ElfConstants.ET_DYN, ls.type());
        String h = Readelf.run("-h", LIBC.toString());
        ElfFile libc = ElfFile.open(LIBC);
        h = h.replaceAll("[ \\t]+", " ");
        assertTrue(h.contains("Number of program headers: " + libc.programHeaders().size()), h);
        assertTrue(h.contains("Number of section headers: " + libc.sections().size()), h);
        assertTrue(h.contains("Entry point address: 0x" + Long.toHexString(libc.header().entry())), h);
    }

    @Test
    void sectionsMatchReadelf() throws IOException {
        for (Path p : List.of(LS, LIBC, debugFileOf(LIBC))) {
            ElfFile f = ElfFile.open(p);
            List<Readelf.Section> expected = Readelf.sections(p);
            assertEquals(expected.size(), f.sections().size(), p.toString());
            for (Readelf.Section e : expected) {
                SectionHeader s = f.sections().get(e.index());
                assertEquals(e.name(), s.name(), p + " " + e);
                assertEquals(e.addr(), s.addr(), e.name());
                assertEquals(e.offset(), s.offset(), e.name());
                assertEquals(e.size(), s.size(), e.name());
                assertEquals(e.flags().contains("C"), s.isCompressed(), e.name());
                assertEquals(e.type().equals("NOBITS"), !s.hasData() && s.index() != 0, e.name());
            }
        }
    }

    @Test
    void programHeadersMatchReadelf() throws IOException {
        ElfFile f = ElfFile.open(LIBC);
        String out = Readelf.run("-l", LIBC.toString());
        long loads = out.lines().filter(l -> l.trim().startsWith("LOAD ")).count();
        assertEquals(loads, f.programHeaders().stream().filter(p -> p.type() == ElfConstants.PT_LOAD).count());
        for (ProgramHeader ph : f.programHeaders()) {
            if (ph.type() != ElfConstants.PT_LOAD) continue;
            String row = String.format("0x%06x 0x%016x 0x%016x 0x%06x 0x%06x", ph.offset(), ph.vaddr(),
                    ph.paddr(), ph.filesz(), ph.memsz());
            assertTrue(out.contains(row), row + " not in\n" + out);
        }
    }

    @Test
    void symbolsMatchReadelf() throws IOException {
        check(ElfFile.open(LIBC).dynamicSymbols(), Readelf.symbols(LIBC, ".dynsym"));
        Path dbg = debugFileOf(LIBC);
        check(ElfFile.open(dbg).symbols(), Readelf.symbols(dbg, ".symtab"));
        check(ElfFile.open(LS).symbols(), Readelf.symbols(LS, ".symtab")); // stripped: both empty
    }

    private static void check(List<ElfSymbol> actual, List<Readelf.Sym> expected) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Readelf.Sym e = expected.get(i);
            ElfSymbol a = actual.get(i);
            assertEquals(e.name(), a.name(), "symbol " + (i + 1));
            assertEquals(e.value(), a.value(), e.name());
            assertEquals(e.size(), a.size(), e.name());
            String bind = switch (a.binding()) {
                case ElfSymbol.STB_LOCAL -> "LOCAL";
                case ElfSymbol.STB_GLOBAL -> "GLOBAL";
                case ElfSymbol.STB_WEAK -> "WEAK";
                case ElfSymbol.STB_GNU_UNIQUE -> "UNIQUE";
                default -> "?";
            };
            assertEquals(e.bind(), bind, e.name());
            assertEquals(e.ndx().equals("UND"), !a.isDefined(), e.name());
            if (e.ndx().equals("ABS")) assertEquals(ElfConstants.SHN_ABS, a.shndx(), e.name());
        }
    }

    @Test
    void buildIdsAndNotesMatchReadelf() throws IOException {
        for (Path p : List.of(LS, LIBC)) {
            ElfFile f = ElfFile.open(p);
            assertEquals(Readelf.buildId(p), f.buildId().orElseThrow().hex(), p.toString());
            List<String> notes = f.notes().stream().map(n -> n.name() + " " + n.desc().size()).toList();
            assertEquals(Readelf.notes(p), notes, p.toString());
        }
        // The separate debug file found by build ID carries the same build ID.
        ElfFile libc = ElfFile.open(LIBC);
        assertEquals(libc.buildId(), ElfFile.open(debugFileOf(LIBC)).buildId());
    }

    @Test
    void zlibCompressedDebugSectionsOfLibcDbg() throws IOException {
        Path dbg = debugFileOf(LIBC);
        ElfFile f = ElfFile.open(dbg);
        SectionHeader info = f.section(".debug_info").orElseThrow();
        assertTrue(info.isCompressed());
        ByteSlice data = f.sectionData(info);
        // The Elf64_Chdr size field is the oracle for the inflated length (readelf -t shows it).
        String t = Readelf.run("-t", dbg.toString());
        assertTrue(t.contains(String.format("ZLIB, %016x", data.size())), "ch_size " + Long.toHexString(data.size()));
        assertSame(data, f.sectionData(info), "cached");
        assertTrue(f.hasDebugInfo());
        // Dwarf unit header: unit_length covers the rest, version 2..5.
        int version = data.u16(4);
        assertTrue(version >= 2 && version <= 5, "DWARF version " + version);
    }

    @Test
    void zlibAndZstdMatchUncompressedCopy(@TempDir Path tmp) throws IOException {
        Path src = tmp.resolve("prog.c");
        // Enough debug info (stdio's types) that objcopy finds compressing worthwhile for zstd too.
        Files.writeString(src, "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n"
                + "struct s { int a; char b[8]; FILE *f; };\nstruct s g;\n"
                + "int main(void) { g.f = stdout; fprintf(g.f, \"%s\", strerror(g.a)); return (int) strtol(\"1\", 0, 0); }\n");
        Path plain = tmp.resolve("prog");
        Readelf.exec("gcc", "-g", "-O0", "-o", plain.toString(), src.toString());
        ElfFile orig = ElfFile.open(plain);
        for (String kind : List.of("zlib", "zstd")) {
            Path copy = tmp.resolve("prog." + kind);
            Readelf.exec("objcopy", "--compress-debug-sections=" + kind, plain.toString(), copy.toString());
            ElfFile c = ElfFile.open(copy);
            int compressed = 0;
            for (SectionHeader s : c.sections()) {
                if (!s.name().startsWith(".debug_")) continue;
                if (s.isCompressed()) compressed++;
                ByteSlice want = orig.sectionData(orig.section(s.name()).orElseThrow());
                ByteSlice got = c.sectionData(s);
                assertArrayEquals(want.bytes(0, (int) want.size()), got.bytes(0, (int) got.size()), kind + " " + s.name());
            }
            assertTrue(compressed > 0, kind + ": objcopy compressed no section");
        }
    }

    @Test
    void debugLinkAndCrc(@TempDir Path tmp) throws IOException {
        Path src = tmp.resolve("p.c");
        Files.writeString(src, "int main(void) { return 0; }\n");
        Path exe = tmp.resolve("p");
        Readelf.exec("gcc", "-g", "-o", exe.toString(), src.toString());
        Path dbg = tmp.resolve("p.debug");
        Readelf.exec("objcopy", "--only-keep-debug", exe.toString(), dbg.toString());
        Path stripped = tmp.resolve("p.stripped");
        Readelf.exec("objcopy", "--strip-debug", "--add-gnu-debuglink=" + dbg, exe.toString(), stripped.toString());
        DebugLink link = ElfFile.open(stripped).debugLink().orElseThrow();
        assertEquals("p.debug", link.name());
        // readelf -wk prints the CRC it reads from the section; we compute the file's CRC ourselves.
        String k = Readelf.run("--debug-dump=links", stripped.toString());
        assertTrue(k.contains("p.debug"), k);
        assertTrue(k.toLowerCase().contains(Long.toHexString(link.crc32())), k);
        assertEquals(link.crc32(), ElfFile.open(dbg).crc32());
        assertTrue(ElfFile.open(stripped).debugAltLink().isEmpty());
    }

    @Test
    void debugAltLink(@TempDir Path tmp) throws IOException {
        Path src = tmp.resolve("p.c");
        Files.writeString(src, "int main(void) { return 0; }\n");
        Path exe = tmp.resolve("p");
        Readelf.exec("gcc", "-g", "-o", exe.toString(), src.toString());
        // Build the section as dwz does: path NUL build-id bytes.
        byte[] id = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        byte[] path = "/usr/lib/debug/.dwz/x.debug".getBytes();
        byte[] sec = new byte[path.length + 1 + id.length];
        System.arraycopy(path, 0, sec, 0, path.length);
        System.arraycopy(id, 0, sec, path.length + 1, id.length);
        Path secFile = tmp.resolve("alt.bin");
        Files.write(secFile, sec);
        Path out = tmp.resolve("p.alt");
        Readelf.exec("objcopy", "--add-section", ".gnu_debugaltlink=" + secFile, exe.toString(), out.toString());
        DebugAltLink alt = ElfFile.open(out).debugAltLink().orElseThrow();
        String k = Readelf.run("--debug-dump=links", out.toString());
        assertTrue(k.contains(alt.path()), k);
        assertTrue(k.replace(" ", "").contains(alt.buildId().hex()), k);
    }

    @Test
    void gnuDebugDataMiniDebugInfo(@TempDir Path tmp) throws IOException {
        Path src = tmp.resolve("m.c");
        Files.writeString(src, "static int helper(int x) { return x * 3; }\nint main(int c, char **v) { return helper(c); }\n");
        Path exe = tmp.resolve("m");
        Readelf.exec("gcc", "-g", "-O0", "-o", exe.toString(), src.toString());
        // The MiniDebugInfo recipe: a symbols-only copy, xz-compressed, added to a stripped file.
        Path mini = tmp.resolve("mini");
        Readelf.exec("objcopy", "--only-keep-debug", "--strip-debug", "--remove-section=.gdb_index",
                exe.toString(), mini.toString());
        Readelf.exec("xz", "-k", mini.toString());
        Path out = tmp.resolve("m.mini");
        Readelf.exec("objcopy", "--strip-all", "--add-section", ".gnu_debugdata=" + mini + ".xz", exe.toString(), out.toString());
        ElfFile f = ElfFile.open(out);
        assertTrue(f.symbols().isEmpty());
        ElfFile embedded = f.gnuDebugData().orElseThrow();
        List<Readelf.Sym> expected = Readelf.symbols(mini, ".symtab");
        assertEquals(expected.stream().map(Readelf.Sym::name).toList(),
                embedded.symbols().stream().map(ElfSymbol::name).toList());
        assertTrue(embedded.symbols().stream().anyMatch(s -> s.name().equals("helper")));
    }

    static Path debugFileOf(Path file) throws IOException {
        BuildId id = ElfFile.open(file).buildId().orElseThrow();
        Path p = Path.of("/usr/lib/debug", id.buildIdPath() + ".debug");
        assertTrue(Files.exists(p), "libc6-dbg file " + p);
        return p;
    }
}
