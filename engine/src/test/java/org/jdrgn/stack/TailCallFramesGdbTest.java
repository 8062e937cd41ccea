package org.jdrgn.stack;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdrgn.program.Program;
import org.jdrgn.program.ProgramThread;
import org.jdrgn.testcores.TestCores;
import org.jdrgn.unwind.LoadedCore;
import org.junit.jupiter.api.Test;

/**
 * Tail-call frames against gdb 13 ({@code thread apply all bt full}, testcores/oracle/*.gdb.txt),
 * on every thread of every committed core: our trace (cut after main, where gdb stops) must have
 * gdb's frames one for one, the same functions in the same positions, and wherever gdb prints a
 * pc (every frame but the innermost and inline ones) the same pc; every tail-call frame of ours
 * must be one gdb shows at that position and pc. drgn 0.0.22 shows none of these frames.
 */
class TailCallFramesGdbTest {
    private static final Pattern THREAD = Pattern.compile("^Thread \\d+ \\((?:Thread 0x[0-9a-f]+ \\()?LWP (\\d+)\\)\\)?:$");
    private static final Pattern FRAME = Pattern.compile("^#(\\d+)\\s+(?:(0x[0-9a-f]+) in )?(\\S+) \\(");

    /** One frame line of gdb's backtrace: its pc if printed (else -1) and function name. */
    record GdbFrame(long pc, String function) {}

    /** The first "thread apply all bt" section of a gdb oracle file, by LWP. */
    static Map<Long, List<GdbFrame>> gdbTraces(Path file) throws IOException {
        Map<Long, List<GdbFrame>> out = new LinkedHashMap<>();
        List<GdbFrame> cur = null;
        for (String line : Files.readAllLines(file)) {
            Matcher t = THREAD.matcher(line);
            if (t.matches()) {
                long tid = Long.parseLong(t.group(1));
                cur = out.containsKey(tid) ? null : new ArrayList<>();   // later sections are prints
                if (cur != null) out.put(tid, cur);
                continue;
            }
            Matcher f = FRAME.matcher(line);
            if (f.find() && cur != null && Integer.parseInt(f.group(1)) == cur.size()) {
                cur.add(new GdbFrame(f.group(2) == null ? -1 : Long.parseUnsignedLong(f.group(2).substring(2), 16), f.group(3)));
            }
        }
        return out;
    }

    /**
     * gdb names a function by its DWARF name or an ELF alias (__GI___libc_read, clone3 for
     * __clone3, read for __libc_read without DWARF): the same name bar prefixes, or an ELF symbol
     * of gdb's name at our symbol's address.
     */
    static boolean sameFunction(Program prog, String gdbName, StackFrame f) {
        if (FrameMatch.same(gdbName, f)) return true;
        String ours = f.name() != null ? f.name() : f.symbol().map(s -> s.name()).orElse("");
        if (bare(gdbName).equals(bare(ours))) return true;
        long at = f.symbol().map(s -> s.address()).orElse(-1L);
        return prog.symbols(gdbName).stream().anyMatch(s -> s.address() == at);
    }

    private static String bare(String n) { return n.replaceFirst("^(__GI_)?_*", ""); }

    @Test
    void tailCallFramesAreGdbs() throws IOException {
        Map<String, Integer> perCore = new TreeMap<>();
        int total = 0, compared = 0, pcs = 0;
        for (String core : TestCores.list()) {
            LoadedCore c = LoadedCore.open(core);
            Map<Long, List<GdbFrame>> gdb = gdbTraces(TestCores.oracleFile(core, "gdb.txt"));
            StackTraces traces = new StackTraces(c.program(), c.unwinder());
            int tail = 0;
            for (ProgramThread t : c.program().threads()) {
                List<GdbFrame> g = gdb.get(t.tid());
                assertNotNull(g, core + ": gdb has no thread " + t.tid());
                List<StackFrame> ours = new ArrayList<>(traces.trace(t).frames());
                for (int i = 0; i < ours.size(); i++) {
                    if ("main".equals(ours.get(i).name()) && "main".equals(g.getLast().function())) {
                        ours = ours.subList(0, i + 1);
                        break;
                    }
                }
                String what = core + " thread " + t.tid();
                String ourNames = ours.stream().map(f -> f.name() != null ? f.name() : TraceFormatter.frame(f)).toList().toString();
                assertEquals(g.size(), ours.size(), what + ": gdb " + names(g) + " vs ours " + ourNames);
                for (int i = 0; i < g.size(); i++) {
                    StackFrame f = ours.get(i);
                    assertTrue(sameFunction(c.program(), g.get(i).function(), f), what + " #" + i + ": gdb " + g.get(i).function() + ", ours " + f.name());
                    if (g.get(i).pc() >= 0) {
                        assertEquals(g.get(i).pc(), f.pc(), what + " #" + i + " pc");
                        pcs++;
                    }
                    if (f.isTailCall()) {
                        assertTrue(g.get(i).pc() >= 0, what + " #" + i + ": gdb prints a tail call's pc");
                        assertTrue(f.source().isPresent(), what + " #" + i + ": the tail call's line");
                        tail++;
                    }
                    compared++;
                }
            }
            perCore.put(core, tail);
            total += tail;
        }
        perCore.forEach((core, n) -> System.out.printf("[tail-call] %-36s %d tail-call frames%n", core, n));
        System.out.printf("[tail-call] %d tail-call frames in %d frames equal to gdb's (%d pcs compared)%n", total, compared, pcs);
        assertTrue(total > 0, "gdb shows tail-call frames on these cores");
    }

    private static String names(List<GdbFrame> g) { return g.stream().map(GdbFrame::function).toList().toString(); }
}
