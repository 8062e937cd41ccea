package org.jdrgn.variables;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdrgn.error.DrgnException;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.program.ProgramThread;
import org.jdrgn.stack.DrgnStackOracle;
import org.jdrgn.stack.FrameMatch;
import org.jdrgn.stack.FrameTrace;
import org.jdrgn.stack.GdbFullTrace;
import org.jdrgn.stack.StackFrame;
import org.jdrgn.stack.StackTraces;
import org.jdrgn.testcores.TestCores;
import org.jdrgn.unwind.LoadedCore;
import org.junit.jupiter.api.Test;

/**
 * Frame variables against gdb 13 ({@code thread apply all bt full}, testcores/oracle/*.gdb.txt):
 * for every core and thread, gdb's frames are matched to ours by function name and order (gdb
 * stops at main and synthesizes tail-call frames, so indexes differ), and every parameter or
 * local gdb prints with a value must have the same value here (see {@link GdbValueMatch}).
 * gdb prints a name once per enclosing block; like drgn's {@code frame[name]} we compare the
 * first, innermost, one. Prints the counts: gdb's, ours with the same value, drgn 0.0.22's (from
 * drgn.txt, frames matched the same way), ours where gdb has none (checked in
 * {@link #checkOursOnly}), and every difference; only the {@link #EXPLAINED} ones are allowed.
 * Measured: gdb 1650, ours 1648 the same + 2 explained, drgn 0.0.22 1137.
 */
class GdbFrameValuesTest {
    /**
     * Values gdb shows and we do not, "core tid function name" -> why. gdb takes a register the
     * CFI says nothing about as unchanged in the caller (DWARF2_FRAME_REG_UNSPECIFIED as "same
     * value"); rax is caller-saved, so in an outer frame it is unknown (drgn agrees: absent).
     * Here tc_checkpoint had not yet clobbered it, so gdb's 21 happens to be right.
     */
    static final String RAX = "gdb assumes caller-saved rax unchanged across the call to tc_checkpoint";
    static final Map<String, String> EXPLAINED = Map.of(
            "types_O2-dw4-nopie.gcore 5 inspect sum", RAX,
            "types_O2-dw5-pie.gcore 5 inspect sum", RAX);

    final AtomicInteger gdbValues = new AtomicInteger(), same = new AtomicInteger(), oursOnly = new AtomicInteger(),
            unmatchedFrames = new AtomicInteger(), unmatchedValues = new AtomicInteger(), masked = new AtomicInteger(),
            gdbLines = new AtomicInteger(), drgnValues = new AtomicInteger(), oursAll = new AtomicInteger();
    final List<String> missing = new ArrayList<>(), mismatches = new ArrayList<>(), explained = new ArrayList<>();

    final List<Map.Entry<String, DrgnObject>> structs = new ArrayList<>(), strings = new ArrayList<>();

    @Test
    void everyValueGdbShowsWeShowToo() throws IOException {
        for (String core : TestCores.list()) compareCore(core);
        System.out.printf("[gdb-vars] gdb shows %d parameters/locals with a value (%d lines incl. shadowed duplicates);"
                        + " ours: %d the same value, %d <masked> in the oracle (present, not compared), %d more where gdb has"
                        + " <optimized out>; %d of gdb's values are in %d frames we do not have; %d missing, %d mismatches (%d explained)%n",
                gdbValues.get(), gdbLines.get(), same.get(), masked.get(), oursOnly.get(), unmatchedValues.get(),
                unmatchedFrames.get(), missing.size(), mismatches.size(), explained.size());
        System.out.printf("[gdb-vars] checked to fail when changed: %d structs, %d strings%n", structs.size(), strings.size());
        System.out.printf("[gdb-vars] of gdb's %d values: ours %d (+%d masked), drgn 0.0.22 %d; ours in all our frames"
                        + " (past main, tail calls included): %d%n",
                gdbValues.get(), same.get(), masked.get(), drgnValues.get(), oursAll.get());
        missing.forEach(m -> System.out.println("[gdb-vars] missing " + m));
        mismatches.forEach(m -> System.out.println("[gdb-vars] MISMATCH " + m));
        explained.forEach(m -> System.out.println("[gdb-vars] explained " + m));
        // the comparison is not vacuous: change one member of each struct gdb printed, it must differ
        assertFalse(structs.isEmpty());
        assertFalse(strings.isEmpty());
        for (Map.Entry<String, DrgnObject> e : strings) {
            String changed = e.getKey().replaceFirst("\"\\w", "\"#");
            assertNotNull(GdbValueMatch.mismatch(GdbValue.parse(changed), e.getValue()), changed);
        }
        for (Map.Entry<String, DrgnObject> e : structs) {
            String changed = e.getKey().replaceFirst("= (\\d+)", "= 1$1");
            assertNotNull(GdbValueMatch.mismatch(GdbValue.parse(changed), e.getValue()), changed);
        }
        assertEquals(List.of(), mismatches, "values that differ from gdb's");
        assertEquals(List.of(), missing, "values gdb shows and we do not");
        assertEquals(EXPLAINED.size(), explained.size(), "every explained difference still happens");
        assertTrue(same.get() + masked.get() + explained.size() >= gdbValues.get(),
                "gdb shows " + gdbValues.get() + " values, we show " + same.get() + " the same");
    }

    private void compareCore(String core) throws IOException {
        LoadedCore c = LoadedCore.open(core);
        GdbFullTrace gdb = GdbFullTrace.read(TestCores.oracleFile(core, "gdb.txt"));
        DrgnStackOracle drgn = DrgnStackOracle.read(TestCores.oracleFile(core, "drgn.txt"));
        StackTraces traces = new StackTraces(c.program(), c.unwinder());
        VariableReader reader = new VariableReader(c.program(), c.program().objectContext());
        for (ProgramThread t : c.program().threads()) {
            List<GdbFullTrace.Frame> gframes = gdb.threads().get(t.tid());
            assertNotNull(gframes, core + ": gdb has no thread " + t.tid());
            FrameTrace trace = traces.trace(t);
            for (int i = 0; i < trace.frames().size(); i++) {
                for (String n : FrameVariables.names(trace.frames().get(i))) {
                    try {
                        DrgnObject o = reader.read(trace, i, n);
                        if (!o.isAbsent()) { o.read(); oursAll.incrementAndGet(); }
                    } catch (DrgnException e) {
                        // unreadable memory: no value
                    }
                }
            }
            int[] match = FrameMatch.align(gframes, trace.frames());
            List<DrgnStackOracle.Frame> dframes = drgn.threads().get(t.tid()).frames();
            int[] dmatch = FrameMatch.alignDrgn(gframes, dframes);
            threadOursOnly.clear();
            for (int g = 0; g < gframes.size(); g++) {
                compareFrame(core + " " + t.tid(), g, gframes.get(g), trace, match[g], reader);
                if (dmatch[g] >= 0) countDrgn(gframes.get(g), dframes.get(dmatch[g]));
            }
            checkOursOnly(core + " " + t.tid(), dframes);
        }
    }

    /**
     * make-oracle.sh hides jmp_buf contents (stack-protector secrets) with
     * {@code sed 's/jmp_buf = {[^}]*}/jmp_buf = {<masked>}/'}, which in
     * {@code cancel_jmp_buf = {{jmp_buf = {..}, mask_was_saved = 0}}} matches from
     * {@code cancel_jmp_buf} on and eats {@code {jmp_buf = }: put the braces back so the rest of
     * the struct is compared ({@code <masked>} parts are not). Null if still not parseable.
     */
    static String repairMask(String gdb) {
        if (!gdb.contains("<masked>")) return gdb;
        String fixed = gdb.replace("cancel_jmp_buf = {<masked>}, mask_was_saved", "cancel_jmp_buf = {{jmp_buf = {<masked>}, mask_was_saved");
        int depth = 0;
        for (char ch : fixed.toCharArray()) depth += ch == '{' ? 1 : ch == '}' ? -1 : 0;
        return depth == 0 ? fixed : null;
    }

    /** Values we show where gdb prints {@code <optimized out>}, "function name" -> our text, of the thread at hand. */
    final Map<String, String> threadOursOnly = new LinkedHashMap<>();

    /**
     * The only values we show and gdb does not are main's argc and argv at -O2: entry values,
     * which need the caller's call site, and gdb stops its backtrace at main. They must be what
     * the caller passed: drgn 0.0.22's argc/argv of __libc_start_call_main.
     */
    private void checkOursOnly(String thread, List<DrgnStackOracle.Frame> drgn) {
        if (threadOursOnly.isEmpty()) return;
        DrgnStackOracle.Frame caller = drgn.stream().filter(f -> f.line().startsWith("name=__libc_start_call_main ")).findFirst()
                .orElseThrow(() -> new AssertionError(thread + ": drgn has no __libc_start_call_main"));
        for (Map.Entry<String, String> e : threadOursOnly.entrySet()) {
            String name = e.getKey().replaceFirst("^main ", "");
            assertTrue(e.getKey().startsWith("main "), thread + " " + e.getKey() + " = " + e.getValue());
            String passed = caller.locals().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow().value();
            assertEquals(passed, e.getValue(), thread + " main " + name);
        }
    }

    /** How many of the values gdb shows in a frame drgn 0.0.22 shows a value for (compared by text elsewhere). */
    private void countDrgn(GdbFullTrace.Frame gf, DrgnStackOracle.Frame df) {
        Map<String, String> values = new LinkedHashMap<>();
        for (DrgnStackOracle.Local l : df.locals()) values.putIfAbsent(l.name(), l.value());
        Map<String, GdbFullTrace.Variable> first = new LinkedHashMap<>();
        for (GdbFullTrace.Variable v : gf.variables()) first.putIfAbsent(v.name(), v);
        for (GdbFullTrace.Variable v : first.values()) {
            String d = values.get(v.name());
            if (v.hasValue() && d != null && FrameVariablesOracleTest.drgnHasValue(d)) drgnValues.incrementAndGet();
        }
    }

    private void compareFrame(String thread, int g, GdbFullTrace.Frame gf, FrameTrace trace, int j, VariableReader reader) {
        String what = thread + " #" + g;
        Map<String, GdbFullTrace.Variable> first = new LinkedHashMap<>();
        for (GdbFullTrace.Variable v : gf.variables()) {
            first.putIfAbsent(v.name(), v);
            if (v.hasValue()) gdbLines.incrementAndGet();
        }
        long withValue = first.values().stream().filter(GdbFullTrace.Variable::hasValue).count();
        gdbValues.addAndGet((int) withValue);
        if (j < 0) {
            if (withValue > 0) {
                unmatchedFrames.incrementAndGet();
                unmatchedValues.addAndGet((int) withValue);
                System.out.println("[gdb-vars] no frame of ours for " + what + " " + gf.function() + " (" + withValue + " values)");
            }
            return;
        }
        StackFrame frame = trace.frames().get(j);
        String where = what + " " + gf.function() + " (ours #" + j + ")";
        for (GdbFullTrace.Variable v : first.values()) {
            String key = where + " " + v.name();
            String why = EXPLAINED.get(thread + " " + gf.function() + " " + v.name());
            DrgnObject o;
            try {
                o = FrameVariables.find(frame, v.name()).isPresent() ? reader.read(trace, j, v.name()) : null;
                if (o != null && !o.isAbsent()) o.read();
            } catch (DrgnException e) {
                if (v.hasValue()) (why != null ? explained : missing).add(key + ": " + e + " / gdb " + v.value());
                continue;
            }
            boolean ours = o != null && !o.isAbsent();
            if (!v.hasValue()) {
                if (ours) {
                    oursOnly.incrementAndGet();
                    String text = o.format(FrameVariablesOracleTest.NO_DEREF);
                    System.out.println("[gdb-vars] ours only: " + key + " = " + text);
                    threadOursOnly.put(gf.function() + " " + v.name(), text);
                }
                continue;
            }
            if (!ours) {
                String m = key + ": " + (o == null ? "not in scope" : "absent") + " / gdb " + v.value();
                if (why != null) explained.add(m + " (" + why + ")"); else missing.add(m);
                continue;
            }
            String text = repairMask(v.value());
            if (text == null) {
                masked.incrementAndGet();
                continue;
            }
            String diff = GdbValueMatch.mismatch(GdbValue.parse(text), o);
            if (diff == null) {
                same.incrementAndGet();
                if (v.value().startsWith("{") && v.value().matches(".*= \\d+.*")) structs.add(Map.entry(v.value(), o));
                if (v.value().matches("0x[0-9a-f]+ \"\\w.*")) strings.add(Map.entry(v.value(), o));
            } else {
                (why != null ? explained : mismatches).add(key + ": " + diff + (why != null ? " (" + why + ")" : ""));
            }
        }
    }
}
