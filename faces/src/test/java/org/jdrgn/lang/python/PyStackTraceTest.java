package org.jdrgn.lang.python;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jdrgn.program.load.DumpLoader;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.Program;
import org.jdrgn.stack.DrgnStackOracle;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * drgn's stack-trace API through the Python face on every committed core: the same script as
 * testcores/oracle/drgn_oracle.py's thread sections (str(trace), each frame's name, is_inline,
 * interrupted, pc, symbol(), source(), frame 0's registers, locals()) must print what drgn
 * 0.0.22 printed, except drgn's trailing "???" frame. Tail-call frames (jdrgn's, as gdb shows them,
 * StackFrame.is_tail_call; see unwind.TailCallFramesGdbTest) are dropped first: drgn 0.0.22 has none.
 */
class PyStackTraceTest {
    static final AtomicInteger THREADS = new AtomicInteger(), FRAMES = new AtomicInteger();

    /** Loads the module the way _drgn.py's last line will. */
    static final String SETUP = "import _drgn, _drgn_stack\n_drgn_stack.install(_drgn.Program, _drgn.Thread)\n";

    static final String SCRIPT = SETUP + """
            for t in sorted(prog.threads(), key=lambda t: t.tid):
                print(f'======== thread {t.tid} ========')
                trace = t.stack_trace()
                # drop tail-call frames (jdrgn's, as gdb shows them; drgn 0.0.22 has none) and renumber
                kept = [i for i, f in enumerate(trace) if not f.is_tail_call]
                lines = str(trace).split('\\n')
                print('\\n'.join('#%-2d %s' % (k, lines[i].split(' ', 1)[1].lstrip(' ')) for k, i in enumerate(kept)))
                for i, frame in enumerate([trace[i] for i in kept]):
                    try:
                        src = '%s:%d:%d' % frame.source()
                    except Exception as e:
                        src = f'ERROR {type(e).__name__}: {e}'
                    try:
                        sym = frame.symbol().name
                    except Exception as e:
                        sym = f'ERROR {type(e).__name__}: {e}'
                    print(f'--- frame #{i} name={frame.name} inline={frame.is_inline} '
                          f'interrupted={frame.interrupted} pc={frame.pc:#x} symbol={sym} src={src}')
                    if i == 0:
                        regs = frame.registers()
                        print('    regs:', ' '.join(f'{k}={regs[k]:#x}' for k in ('rip', 'rsp', 'rbp') if k in regs))
                    for name in frame.locals():
                        print(f'    {name} = ?')
            """;

    @BeforeAll
    static void runTree() { TestCores.materializeRunTree(); }

    @AfterAll
    static void summary() {
        System.out.printf("[py-trace] %d threads, %d frames printed as drgn 0.0.22 does%n", THREADS.get(), FRAMES.get());
    }

    static Stream<String> cores() { return TestCores.list().stream(); }

    static Program open(String core) {
        Program p = new Program(null);
        DumpLoader.open(p, TestCores.core(core), DebugInfoOptions.DEFAULT, w -> { });
        return p;
    }

    @ParameterizedTest
    @MethodSource("cores")
    void tracesPrintAsDrgn(String core) throws IOException {
        Program prog = open(core);
        DrgnStackOracle ours = DrgnStackOracle.parse(PythonHarness.out(prog, SCRIPT).lines().toList());
        DrgnStackOracle drgn = DrgnStackOracle.read(TestCores.oracleFile(core, "drgn.txt"));
        assertEquals(drgn.threads().keySet(), ours.threads().keySet(), core);
        for (long tid : drgn.threads().keySet()) {
            String what = core + " thread " + tid;
            DrgnStackOracle.Thread d = drgn.threads().get(tid), o = ours.threads().get(tid);
            List<String> lines = new ArrayList<>(d.traceLines());
            assertTrue(lines.removeLast().matches("#\\d+ +\\?\\?\\?"), what);   // drgn's frame past the outermost one
            assertEquals(lines, o.traceLines(), what);
            assertEquals(d.frames().size() - 1, o.frames().size(), what);
            for (int i = 0; i < o.frames().size(); i++) {
                assertEquals(d.frames().get(i).line(), o.frames().get(i).line(), what + " frame " + i);
                List<String> names = new ArrayList<>(new LinkedHashSet<>(
                        d.frames().get(i).locals().stream().map(DrgnStackOracle.Local::name).toList()));
                assertEquals(names, o.frames().get(i).locals().stream().map(DrgnStackOracle.Local::name).toList(),
                        what + " frame " + i + " locals");
                FRAMES.incrementAndGet();
            }
            THREADS.incrementAndGet();
        }
    }

    @Test
    void frameApi() {
        Program prog = open("threads_O0-dw5-pie.gcore");
        String out = PythonHarness.out(prog, SETUP + """
                from _drgn_stack import StackTrace, StackFrame
                t = prog.crashed_thread()
                trace = prog.stack_trace(t.tid)
                assert isinstance(trace, StackTrace) and str(trace) == str(t.stack_trace())
                f = trace[0]
                assert isinstance(f, StackFrame)
                print(len(trace), trace[-1].name, [x.name for x in trace[1:3]])
                print(f.register('rip') == f.pc, f.sp == f.registers()['rsp'], 'fs.base' in f.registers())
                print('where' in f, 'nope' in f, f['where'].type_, f['where'].absent_)
                for call in (lambda: f['nope'], lambda: f.register('nope'), lambda: trace[len(trace)],
                             lambda: trace[-1].source(), lambda: prog.stack_trace(12345)):
                    try:
                        call()
                    except Exception as e:
                        print(type(e).__name__, e)
                """);
        // as drgn 0.0.22 shows the crashed thread 5 (oracle/threads_O0-dw5-pie.gcore.drgn.txt): tc_checkpoint(where),
        // main, __libc_start_call_main, __libc_start_main_impl, _start (no DWARF name), then its "???"
        assertEquals("""
                5 None ['main', '__libc_start_call_main']
                True True True
                True False const char * False
                KeyError 'nope'
                ValueError unknown register 'nope'
                IndexError stack frame index out of range
                LookupError source code location not available
                LookupError thread not found
                """, out);      // drgn 0.0.22's words for stack_trace of an unknown tid
    }

    /**
     * jdrgn's StackFrame.is_tail_call marks the frames the Java trace synthesizes for tail calls
     * (checked against gdb's in unwind.TailCallFramesGdbTest), and str(frame) says so; other
     * frames are False and print as drgn's.
     */
    @Test
    void tailCallFramesAreMarked() {
        Program prog = open("threads_O2-dw5-pie.gcore");
        String out = PythonHarness.out(prog, SETUP + """
                for t in sorted(prog.threads(), key=lambda t: t.tid):
                    for i, f in enumerate(t.stack_trace()):
                        assert f.is_tail_call == str(f).endswith(' (tail call)'), str(f)
                        if f.is_tail_call:
                            print(t.tid, i, f.name, hex(f.pc), f.is_inline)
                """);
        StringBuilder want = new StringBuilder();
        org.jdrgn.stack.StackTraces traces = org.jdrgn.stack.StackTraces.forProgram(prog);
        for (var t : prog.threads().stream().sorted(java.util.Comparator.comparingLong(x -> x.tid())).toList()) {
            List<org.jdrgn.stack.StackFrame> fs = traces.trace(t).frames();
            for (int i = 0; i < fs.size(); i++) {
                if (fs.get(i).isTailCall()) want.append(String.format("%d %d %s 0x%x False%n", t.tid(), i, fs.get(i).name(), fs.get(i).pc()));
            }
        }
        assertEquals(4, want.toString().lines().count(), want.toString());   // gdb's 4 on this core
        assertEquals(want.toString(), out);
    }
}
