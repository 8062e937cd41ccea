package org.jdrgn.stack;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jdrgn.program.ProgramThread;
import org.jdrgn.testcores.TestCores;
import org.jdrgn.unwind.LoadedCore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Logical stack traces (inline frames, DWARF names, source positions) of every thread of every
 * committed core against drgn 0.0.22's: the printed trace line by line and each frame's
 * name / is_inline / interrupted / pc / symbol / source. drgn's last "???" line (a frame past
 * the outermost one, with no pc) is the one expected difference. Tail-call frames are dropped
 * before comparing: drgn 0.0.22 has none; jdrgn adds them as gdb does (a documented
 * improvement, checked against gdb's in {@link TailCallFramesGdbTest}).
 */
class FrameTraceOracleTest {
    static final AtomicInteger THREADS = new AtomicInteger(), FRAMES = new AtomicInteger(), INLINE = new AtomicInteger();

    static Stream<String> cores() { return TestCores.list().stream(); }

    @AfterAll
    static void summary() {
        System.out.printf("[trace] %d threads, %d logical frames equal to drgn's (%d inline)%n",
                THREADS.get(), FRAMES.get(), INLINE.get());
    }

    /** The oracle script's frame line, from our frame. */
    static String line(StackFrame f) {
        String sym = f.symbol().map(s -> s.name())
                .orElse("ERROR LookupError: could not find symbol containing 0x" + Long.toHexString(f.pc()));
        String src = f.source().map(s -> s.file() + ":" + s.line() + ":" + s.column())
                .orElse("ERROR LookupError: source code location not available");
        return String.format("name=%s inline=%s interrupted=%s pc=0x%x symbol=%s src=%s",
                f.name() == null ? "None" : f.name(), py(f.isInline()), py(f.interrupted()), f.pc(), sym, src);
    }

    private static String py(boolean b) { return b ? "True" : "False"; }

    @ParameterizedTest
    @MethodSource("cores")
    void tracesMatchDrgn(String core) throws IOException {
        LoadedCore c = LoadedCore.open(core);
        DrgnStackOracle oracle = DrgnStackOracle.read(TestCores.oracleFile(core, "drgn.txt"));
        StackTraces traces = new StackTraces(c.program(), c.unwinder());
        for (ProgramThread t : c.program().threads()) {
            FrameTrace all = traces.trace(t);
            FrameTrace trace = new FrameTrace(all.frames().stream().filter(f -> !f.isTailCall()).toList(), all.stopReason());
            DrgnStackOracle.Thread expected = oracle.threads().get(t.tid());
            String what = core + " thread " + t.tid();
            List<String> lines = new ArrayList<>(expected.traceLines());
            assertEquals(String.format("#%-2d ???", lines.size() - 1), lines.getLast(), what);
            lines.removeLast();
            assertEquals(String.join("\n", lines), trace.toString(), what);
            assertEquals(expected.frames().size() - 1, trace.frames().size(), what);
            for (int i = 0; i < trace.frames().size(); i++) {
                StackFrame f = trace.frames().get(i);
                assertEquals(expected.frames().get(i).line(), line(f), what + " frame " + i);
                FRAMES.incrementAndGet();
                if (f.isInline()) INLINE.incrementAndGet();
            }
            THREADS.incrementAndGet();
        }
    }
}
