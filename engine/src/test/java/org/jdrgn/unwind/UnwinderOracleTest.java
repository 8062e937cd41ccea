package org.jdrgn.unwind;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdrgn.error.FaultException;
import org.jdrgn.program.Module;
import org.jdrgn.program.ProgramThread;
import org.jdrgn.elf.Symbol;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every thread of every committed test core, unwound and compared frame by frame with gdb 13
 * and drgn 0.0.22 (testcores/oracle). Where they differ from us, the difference is one of:
 * <ul>
 * <li>gdb stops at {@code main} (its "backtrace past-main" is off): frames outside main
 *     are compared with drgn only;</li>
 * <li>gdb adds tail-call frames that it reconstructs from DWARF call-site information
 *     (e.g. {@code __GI___futex_abstimed_wait_cancelable64}, {@code __pthread_kill_internal},
 *     {@code ___pthread_join}): their pc follows a {@code jmp}, not a {@code call}, so no
 *     return address for them is on the stack and a physical unwinder (drgn's too) cannot
 *     show them. Each such frame is checked to really follow a jmp;</li>
 * <li>drgn 0.0.22 ends every trace with a frame whose pc is unknown ("???") after the
 *     outermost frame (the CFI of _start/clone3 marks the return address undefined): we
 *     end the trace there, with {@link StopReason.Outermost}.</li>
 * </ul>
 * gdb prints inline frames (sharing their caller's pc); they are folded into the physical
 * frame, whose function is the outermost name of the chain.
 */
class UnwinderOracleTest {
    static final AtomicInteger THREADS = new AtomicInteger(), FRAMES_GDB = new AtomicInteger(),
            FRAMES_DRGN = new AtomicInteger(), TAIL_CALLS = new AtomicInteger(), BEYOND_MAIN = new AtomicInteger();
    static final Map<String, Long> NANOS = new ConcurrentHashMap<>();

    @BeforeAll
    static void runTree() { TestCores.materializeRunTree(); }

    static Stream<String> cores() { return TestCores.list().stream(); }

    @AfterAll
    static void summary() {
        long total = NANOS.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("[unwind] %d threads; %d physical frames equal to gdb's (%d gdb tail-call frames"
                        + " checked and skipped, %d frames past main), %d equal to drgn's; %.2f ms per trace on average%n",
                THREADS.get(), FRAMES_GDB.get(), TAIL_CALLS.get(), BEYOND_MAIN.get(), FRAMES_DRGN.get(),
                NANOS.isEmpty() ? 0.0 : total / 1e6 / NANOS.size());
    }

    private static StackTrace timed(LoadedCore c, ProgramThread t) {
        long t0 = System.nanoTime();
        StackTrace st = c.unwinder().unwind(t);
        NANOS.put(c.name() + "/" + t.tid(), System.nanoTime() - t0);
        return st;
    }

    @ParameterizedTest
    @MethodSource("cores")
    void framesMatchGdb(String core) throws IOException {
        LoadedCore c = LoadedCore.open(core);
        GdbBacktrace gdb = GdbBacktrace.read(TestCores.oracleFile(core, "gdb.txt"));
        assertEquals(c.program().threads().stream().map(ProgramThread::tid).collect(Collectors.toSet()),
                gdb.threads().keySet());
        for (ProgramThread t : c.program().threads()) {
            StackTrace st = timed(c, t);
            THREADS.incrementAndGet();
            List<GdbBacktrace.Frame> expected = new ArrayList<>();
            for (GdbBacktrace.Frame g : gdb.threads().get(t.tid())) {
                if (g.pc().isPresent() && !expected.isEmpty() && followsJump(c, g.pc().getAsLong())) {
                    TAIL_CALLS.incrementAndGet();
                    continue;
                }
                expected.add(g);
            }
            String what = core + " thread " + t.tid() + ": " + st.frames() + " / " + st.stopReason().describe();
            assertTrue(st.stopReason().isNormal(), what);
            assertTrue(st.frames().size() >= expected.size(), what);
            for (int i = 0; i < expected.size(); i++) {
                GdbBacktrace.Frame g = expected.get(i);
                PhysicalFrame f = st.frames().get(i);
                assertEquals(g.pc().orElse(t.registers().get("rip")), f.pc(), what + " frame " + i);
                Set<String> names = aliases(f);
                assertTrue(names.contains(normalize(g.function())), what + " frame " + i + ": gdb says "
                        + g.function() + ", symbols here: " + names);
                FRAMES_GDB.incrementAndGet();
            }
            int extra = st.frames().size() - expected.size();
            if (extra > 0) {
                assertEquals("main", expected.getLast().function(), what + ": frames beyond gdb's last");
                BEYOND_MAIN.addAndGet(extra);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cores")
    void framesMatchDrgn(String core) throws IOException {
        LoadedCore c = LoadedCore.open(core);
        DrgnTrace drgn = DrgnTrace.read(TestCores.oracleFile(core, "drgn.txt"));
        for (ProgramThread t : c.program().threads()) {
            StackTrace st = c.unwinder().unwind(t);
            List<DrgnTrace.Frame> expected = new ArrayList<>(drgn.threads().get(t.tid()));
            String what = core + " thread " + t.tid() + ": " + st.frames();
            // drgn 0.0.22 shows one more frame after the outermost one, with no pc.
            assertFalse(expected.getLast().pcKnown(), what);
            expected.removeLast();
            assertEquals(expected.size(), st.frames().size(), what);
            for (int i = 0; i < expected.size(); i++) {
                DrgnTrace.Frame d = expected.get(i);
                PhysicalFrame f = st.frames().get(i);
                assertEquals(d.pc(), f.pc(), what + " frame " + i);
                assertEquals(d.interrupted(), f.interrupted(), what + " frame " + i);
                assertEquals(d.symbol(), symbol(f).map(Symbol::name).orElse(null), what + " frame " + i);
                FRAMES_DRGN.incrementAndGet();
            }
            assertInstanceOf(StopReason.Outermost.class, st.stopReason(), what);
        }
    }

    static java.util.Optional<Symbol> symbol(PhysicalFrame f) {
        return f.module().flatMap(m -> m.symbols().lookup(f.lookupPc()));
    }

    /** Names of the symbols starting where the frame's symbol starts (glibc has many aliases), normalized. */
    static Set<String> aliases(PhysicalFrame f) {
        Module m = f.module().orElseThrow(() -> new AssertionError("no module for " + f));
        Symbol s = symbol(f).orElseThrow(() -> new AssertionError("no symbol for " + f));
        return m.symbols().all().stream().filter(x -> x.address() == s.address())
                .map(x -> normalize(x.name())).collect(Collectors.toSet());
    }

    /** gdb names the DWARF function ("__GI___libc_read", "validate"), the symbol table may say "read", "validate.constprop.0". */
    static String normalize(String name) {
        String n = name;
        int at = n.indexOf('@');
        if (at > 0) n = n.substring(0, at);
        int dot = n.indexOf('.');
        if (dot > 0) n = n.substring(0, dot);
        if (n.startsWith("__GI_")) n = n.substring(5);
        return n.replaceFirst("^_+", "");
    }

    /** True if the instruction ending at {@code pc} is a jmp rel32 (e9) or rel8 (eb): a tail call, not a call. */
    static boolean followsJump(LoadedCore c, long pc) {
        try {
            byte[] b = c.program().read(pc - 5, 5, false);
            return (b[0] & 0xff) == 0xe9 || (b[3] & 0xff) == 0xeb;
        } catch (FaultException e) {
            return false;
        }
    }
}
