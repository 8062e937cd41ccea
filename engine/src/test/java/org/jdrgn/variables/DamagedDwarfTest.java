package org.jdrgn.variables;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.SectionHeader;
import org.jdrgn.error.DrgnException;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.Module;
import org.jdrgn.program.ProgramThread;
import org.jdrgn.stack.FrameTrace;
import org.jdrgn.stack.StackFrame;
import org.jdrgn.stack.StackTraces;
import org.jdrgn.stack.TraceFormatter;
import org.jdrgn.testcores.TestCores;
import org.jdrgn.unwind.LoadedCore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executable's DWARF damaged (given with -s; libc's debug file found by build ID): its frames print by symbol
 * ({@code sym+0xoff/0xsize}), libc's frames keep their names, and nothing throws.
 */
class DamagedDwarfTest {
    @TempDir Path tmp;

    static final String CORE = "threads_O0-dw4-nopie.gcore";
    static final Pattern SYMBOL_FORM = Pattern.compile("#\\d+ +\\S+\\+0x[0-9a-f]+/0x[0-9a-f]+");

    private Path damaged(String section, long keep, byte junk) throws IOException {
        Path exe = TestCores.binaryFor(CORE);
        Path copy = tmp.resolve("threads." + section.substring(1) + "." + keep);
        Files.copy(exe, copy);
        SectionHeader sh = ElfFile.open(exe).section(section).orElseThrow();
        byte[] b = new byte[(int) (sh.size() - keep)];
        Arrays.fill(b, junk);
        try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(b), sh.offset() + keep);
        }
        return copy;
    }

    /** The damaged executable given with -s (preferred over the run tree's copy), libc's debug file found as usual. */
    private static LoadedCore withDefaults(Path exe) {
        return LoadedCore.open(CORE, TestCores.core(CORE), new DebugInfoOptions(List.of(exe), true, false));
    }

    private static void assertSymbolForm(LoadedCore good, LoadedCore bad) {
        StackTraces goodTraces = new StackTraces(good.program(), good.unwinder());
        StackTraces badTraces = new StackTraces(bad.program(), bad.unwinder());
        Module main = bad.program().target().loadedModules().orElseThrow().main().orElseThrow();
        for (ProgramThread t : good.program().threads()) {
            FrameTrace ref = goodTraces.trace(t);
            FrameTrace st = badTraces.trace(bad.program().thread(t.tid()));
            String[] lines = st.toString().split("\n");
            int inMain = 0;
            for (int i = 0; i < st.frames().size(); i++) {
                StackFrame f = st.frames().get(i);
                if (main.contains(f.physical().lookupPc())) {
                    inMain++;
                    assertTrue(SYMBOL_FORM.matcher(lines[i]).matches(), lines[i]);
                    assertEquals(List.of(), FrameVariables.names(f));
                }
            }
            assertTrue(inMain > 0, st.toString());
            // frames outside the executable are untouched
            List<String> refOther = ref.frames().stream().filter(f -> !main.contains(f.physical().lookupPc()))
                    .map(TraceFormatter::frame).toList();
            List<String> badOther = st.frames().stream().filter(f -> !main.contains(f.physical().lookupPc()))
                    .map(TraceFormatter::frame).toList();
            assertEquals(refOther, badOther);
        }
    }

    @Test
    void unitHeadersDestroyed() throws IOException {
        LoadedCore good = LoadedCore.open(CORE);
        LoadedCore bad = withDefaults(damaged(".debug_info", 0, (byte) 0xff));
        assertSymbolForm(good, bad);
    }

    @Test
    void diesDestroyedBehindValidHeaders() throws IOException {
        LoadedCore good = LoadedCore.open(CORE);
        // DWARF 4 unit header: 11 bytes; the first CU's DIEs become abbreviation code 0x7f7f...
        LoadedCore bad = withDefaults(damaged(".debug_abbrev", 0, (byte) 0x7f));
        assertSymbolForm(good, bad);
    }

    /** Random flips in the executable's .debug_info / .debug_abbrev / .debug_line: traces and variables never escape as non-drgn errors. */
    @Test
    void randomFlips() throws IOException {
        Path exe = TestCores.binaryFor(CORE);
        byte[] original = Files.readAllBytes(exe);
        ElfFile elf = ElfFile.open(exe);
        List<SectionHeader> secs = List.of(elf.section(".debug_info").orElseThrow(), elf.section(".debug_abbrev").orElseThrow(),
                elf.section(".debug_line").orElseThrow());
        Random rnd = new Random(7);
        int frames = 0;
        for (int round = 0; round < 25; round++) {
            byte[] b = original.clone();
            for (int i = 0; i < 40; i++) {
                SectionHeader s = secs.get(rnd.nextInt(secs.size()));
                b[(int) (s.offset() + rnd.nextLong(s.size()))] = (byte) rnd.nextInt(256);
            }
            Path copy = tmp.resolve("flipped" + round);
            Files.write(copy, b);
            LoadedCore bad = withDefaults(copy);
            StackTraces traces = new StackTraces(bad.program(), bad.unwinder());
            VariableReader vars = new VariableReader(bad.program(), bad.program().objectContext());
            for (ProgramThread t : bad.program().threads()) {
                FrameTrace st = traces.trace(t);
                assertFalse(st.toString().isEmpty());
                for (int i = 0; i < st.frames().size(); i++) {
                    frames++;
                    List<String> names;
                    try {
                        names = FrameVariables.names(st.frames().get(i));
                    } catch (DrgnException e) {
                        continue;
                    }
                    for (String n : names) {
                        try {
                            vars.read(st, i, n).toString();
                        } catch (DrgnException e) {
                            // a typed error naming the damage is the expected outcome
                        }
                    }
                }
            }
        }
        assertTrue(frames > 0);
    }
}
