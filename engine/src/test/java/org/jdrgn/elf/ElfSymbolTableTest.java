package org.jdrgn.elf;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdrgn.elf.Symbol;
import org.jdrgn.elf.SymbolBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Symbol lookups on libc's libc6-dbg symtab, relocated by a bias, against readelf -s. */
class ElfSymbolTableTest {
    static final long BIAS = 0x7f0000000000L;

    @Test
    void everyDefinedSymbolIsThereRelocated() throws IOException {
        Path dbg = ElfFileTest.debugFileOf(ElfFileTest.LIBC);
        ElfSymbolTable t = ElfSymbolTable.of(ElfFile.open(dbg), BIAS);
        List<Readelf.Sym> expected = Readelf.symbols(dbg, ".symtab").stream()
                .toList();
        assertEquals(expected.size(), t.all().size());
        for (Readelf.Sym e : expected) {
            long want = e.ndx().equals("ABS") || e.ndx().equals("UND") ? e.value() : e.value() + BIAS;
            assertTrue(t.byName(e.name()).stream().anyMatch(s -> s.address() == want && s.size() == e.size()), e.toString());
        }
    }

    /** The scan for a few link-time names (a vmlinux at open) answers what the bias-0 table does, for every readelf name. */
    @Test
    void scanLookupMatchesTheTable() throws IOException {
        Path dbg = ElfFileTest.debugFileOf(ElfFileTest.LIBC);
        ElfFile f = ElfFile.open(dbg);
        ElfSymbolTable t = ElfSymbolTable.of(f, 0);
        List<String> names = Readelf.symbols(dbg, ".symtab").stream().map(Readelf.Sym::name).distinct().toList();
        for (int i = 0; i < names.size(); i += 7) {
            assertEquals(t.lookup(names.get(i)), ElfSymbolTable.lookup(f, names.get(i)), names.get(i));
        }
        assertTrue(names.size() > 1000, "readelf names: " + names.size());
        assertTrue(ElfSymbolTable.lookup(f, "no such symbol here").isEmpty());
    }

    @Test
    void nameLookupPrefersGlobalThenWeak() throws IOException {
        Path dbg = ElfFileTest.debugFileOf(ElfFileTest.LIBC);
        ElfSymbolTable t = ElfSymbolTable.of(ElfFile.open(dbg), BIAS);
        Map<String, List<Readelf.Sym>> byName = Readelf.symbols(dbg, ".symtab").stream()
                .filter(s -> !s.ndx().equals("UND")).collect(Collectors.groupingBy(Readelf.Sym::name));
        for (var e : byName.entrySet()) {
            List<String> binds = e.getValue().stream().map(Readelf.Sym::bind).toList();
            String want = binds.contains("GLOBAL") ? "GLOBAL" : binds.contains("UNIQUE") ? "UNIQUE"
                    : binds.contains("WEAK") ? "WEAK" : binds.get(0);
            Symbol got = t.lookup(e.getKey()).orElseThrow();
            assertEquals(want, got.binding().name(), e.getKey());
        }
    }

    @Test
    void mixedBindingsOfOneName(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("a.c"), "static int dup(void) { return 1; } int use_a(void) { return dup(); }\n"
                + "static int wdup(void) { return 3; } int use_w(void) { return wdup(); }\n");
        Files.writeString(tmp.resolve("b.c"), "int dup(void) { return 2; }\n"
                + "__attribute__((weak)) int wdup(void) { return 4; }\nint main(void) { return dup(); }\n");
        Path exe = tmp.resolve("m");
        Readelf.exec("gcc", "-O0", "-o", exe.toString(), tmp.resolve("a.c").toString(), tmp.resolve("b.c").toString());
        ElfSymbolTable t = ElfSymbolTable.of(ElfFile.open(exe), 0x1000);
        List<Readelf.Sym> re = Readelf.symbols(exe, ".symtab");
        for (String name : List.of("dup", "wdup")) {
            assertEquals(2, t.byName(name).size(), name);
            String want = re.stream().filter(s -> s.name().equals(name) && !s.bind().equals("LOCAL"))
                    .findFirst().orElseThrow().bind();
            Symbol got = t.lookup(name).orElseThrow();
            assertEquals(want, got.binding().name(), name);
            long value = re.stream().filter(s -> s.name().equals(name) && s.bind().equals(want)).findFirst().orElseThrow().value();
            assertEquals(value + 0x1000, got.address());
        }
    }

    @Test
    void addressLookupFindsContainingSizedSymbol() throws IOException {
        Path dbg = ElfFileTest.debugFileOf(ElfFileTest.LIBC);
        ElfSymbolTable t = ElfSymbolTable.of(ElfFile.open(dbg), BIAS);
        List<Readelf.Sym> funcs = Readelf.symbols(dbg, ".symtab").stream()
                .filter(s -> s.type().equals("FUNC") && s.size() > 1).toList();
        for (Readelf.Sym f : funcs) {
            long mid = f.value() + BIAS + f.size() / 2;
            List<Symbol> hits = t.containing(mid);
            assertTrue(hits.stream().anyMatch(s -> s.name().equals(f.name())), f + " -> " + hits);
            Symbol best = t.lookup(mid).orElseThrow();
            assertTrue(best.contains(mid));
            if (hits.stream().anyMatch(s -> s.binding() == SymbolBinding.GLOBAL)) {
                assertEquals(SymbolBinding.GLOBAL, best.binding());
            }
        }
        assertTrue(t.containing(BIAS - 1).isEmpty());
    }
}
