package org.jdrgn.unwind.tables;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jdrgn.core.RegisterDef;
import org.jdrgn.core.X86_64RegisterLayout;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.SectionHeader;
import org.jdrgn.testcores.TestCores;
import org.jdrgn.unwind.LoadedCore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of every FDE in .eh_frame of libc.so.6 and the test executables, as our CFA
 * interpreter computes it, against readelf's interpretation; the FDE found for each row
 * through .eh_frame_hdr and through the sorted index is the one readelf lists.
 */
class CfiVsReadelfTest {
    static Stream<Path> files() {
        Set<Path> out = new LinkedHashSet<>();
        out.add(LoadedCore.LIBC);
        for (String core : TestCores.list()) out.add(TestCores.binaryFor(core));
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void ehFrameRowsMatchReadelf(Path file) throws IOException {
        ElfFile elf = ElfFile.open(file);
        SectionHeader eh = elf.section(".eh_frame").orElseThrow();
        SortedFdeIndex sorted = new SortedFdeIndex(new CfiEntryReader(elf.sectionData(eh), true, 8, eh.addr()));
        compare(file, CfiSection.ehFrame(elf, 8).orElseThrow(), sorted, ReadelfFrames.read(file, ".eh_frame"));
    }

    /** .debug_frame (no system file has one): a small program built without unwind tables, so gcc -g emits it. */
    @Test
    void debugFrameRowsMatchReadelf(@TempDir Path tmp) throws IOException, InterruptedException {
        Path src = tmp.resolve("f.c"), exe = tmp.resolve("f");
        Files.writeString(src, """
                #include <stdio.h>
                __attribute__((noinline)) long leaf(long a, long b) { return a * b + 3; }
                __attribute__((noinline)) long mid(long *v, int n) {
                    long s = 0; for (int i = 0; i < n; i++) s += leaf(v[i], s) ^ v[n - 1 - i];
                    return s;
                }
                __attribute__((noinline)) long big(int n) { long buf[64]; for (int i = 0; i < 64; i++) buf[i] = i * n; return mid(buf, 64); }
                int main(int argc, char **argv) { printf("%ld\\n", big(argc)); return 0; }
                """);
        for (String opt : List.of("-O2", "-O0")) {
            Process p = new ProcessBuilder("gcc", opt, "-g", "-fno-asynchronous-unwind-tables", "-fno-unwind-tables",
                    "-o", exe.toString(), src.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), out);
            ElfFile elf = ElfFile.open(exe);
            SectionHeader df = elf.section(".debug_frame").orElseThrow(() -> new AssertionError("gcc emitted no .debug_frame"));
            SortedFdeIndex sorted = new SortedFdeIndex(new CfiEntryReader(elf.sectionData(df), false, 8, 0));
            List<ReadelfFrames.FdeTable> tables = ReadelfFrames.read(exe, ".debug_frame");
            assertTrue(tables.size() >= 4, tables.toString());
            compare(exe, CfiSection.debugFrame(elf, 8).orElseThrow(), sorted, tables);
        }
    }

    private static void compare(Path file, CfiSection section, SortedFdeIndex sorted, List<ReadelfFrames.FdeTable> fdes) {
        assertFalse(fdes.isEmpty(), "readelf shows no FDE in " + file);
        int rows = 0;
        List<String> mismatches = new ArrayList<>();
        for (ReadelfFrames.FdeTable t : fdes) {
            if (t.begin() == t.end()) continue;
            assertEquals(t.offset(), section.fde(t.begin()).orElseThrow().offset(), "FDE for " + t);
            assertEquals(t.offset(), sorted.find(t.end() - 1).orElseThrow().offset(), "FDE via sorted index for " + t);
            for (ReadelfFrames.Row r : t.rows()) {
                CfiRow row = section.row(r.loc()).orElseThrow();
                String got = cfa(row.cfa());
                if (!got.equals(r.cfa())) mismatches.add(String.format("%x CFA %s != %s", r.loc(), got, r.cfa()));
                Set<Integer> columns = new HashSet<>();
                for (int i = 0; i < t.columns().size(); i++) {
                    String col = t.columns().get(i);
                    int reg = col.equals("ra") ? row.returnAddressRegister() : dwarf(col);
                    columns.add(reg);
                    String cell = cell(row.rule(reg));
                    String want = r.cells().get(i);
                    if (!cell.equals(want)) mismatches.add(String.format("%x %s %s != %s", r.loc(), col, cell, want));
                }
                for (int reg : row.rules().keySet()) {
                    if (!columns.contains(reg)) mismatches.add(String.format("%x: rule for r%d readelf does not show", r.loc(), reg));
                }
                rows++;
            }
        }
        assertEquals(List.of(), mismatches.subList(0, Math.min(20, mismatches.size())), file.toString());
        assertTrue(rows >= 4, rows + " rows in " + file);
    }

    private static int dwarf(String name) {
        return X86_64RegisterLayout.INSTANCE.register(name).map(RegisterDef::dwarfNumber)
                .orElseThrow(() -> new AssertionError("register " + name));
    }

    private static String regName(int n) {
        return X86_64RegisterLayout.INSTANCE.byDwarfNumber(n).map(RegisterDef::name).orElse("r" + n);
    }

    private static String cfa(CfaRule r) {
        return switch (r) {
            case CfaRule.RegisterOffset ro -> regName(ro.register()) + (ro.offset() < 0 ? "" : "+") + ro.offset();
            case CfaRule.Expression e -> "exp";
        };
    }

    /** A rule in readelf's notation ("u" for no rule, as readelf prints unspecified columns). */
    private static String cell(RegisterRule r) {
        return switch (r) {
            case null -> "u";
            case RegisterRule.Undefined u -> "u";
            case RegisterRule.SameValue s -> "s";
            case RegisterRule.Offset o -> "c" + (o.offset() < 0 ? "" : "+") + o.offset();
            case RegisterRule.ValOffset o -> "v" + (o.offset() < 0 ? "" : "+") + o.offset();
            case RegisterRule.InRegister x -> "r" + x.register() + " (" + regName(x.register()) + ")";
            case RegisterRule.AtExpression e -> "exp";
            case RegisterRule.ValExpression e -> "vexp";
        };
    }
}
