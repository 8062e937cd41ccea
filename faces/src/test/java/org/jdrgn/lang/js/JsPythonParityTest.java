package org.jdrgn.lang.js;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.jdrgn.lang.python.PythonHarness;
import org.jdrgn.program.load.DumpLoader;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.kernel.KernelLoader;
import org.jdrgn.program.Program;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The JS face agrees with the Python face on real dumps for StackFrame.isTailCall (Python's
 * is_tail_call, 4 frames on this core as gdb shows them: PyStackTraceTest), Object.absenceReason_
 * (absence_reason_; gdb: main's argc/argv are optimized out) and getPrintkRecords
 * (get_printk_records, itself equal to drgn 0.0.22's: KernelPsDmesgScriptsTest).
 */
@Tag("slow")
class JsPythonParityTest {
    private static final String CORE = "threads_O2-dw5-pie.gcore";

    /** The core with its binary and libraries found by their run paths (libc's frames too), as PyStackTraceTest. */
    private static Program core() {
        TestCores.materializeRunTree();
        Program prog = new Program(null);
        DumpLoader.open(prog, TestCores.core(CORE), DebugInfoOptions.DEFAULT, w -> { });
        return prog;
    }

    /** The core with only its binary's debug info, as NewApiUserspaceTest (whose gdb facts hold there). */
    private static Program coreWithBinaryOnly() throws IOException {
        Program prog = new Program(null);
        DumpLoader.open(prog, TestCores.core(CORE), new DebugInfoOptions(List.of(TestCores.binaryFor(CORE)), false, false), w -> { });
        return prog;
    }

    @Test
    void tailCallFramesAgreeWithPython() {
        Program prog = core();
        String py = PythonHarness.out(prog, """
                for t in sorted(prog.threads(), key=lambda t: t.tid):
                    for i, f in enumerate(t.stack_trace()):
                        print(t.tid, i, f.name, hex(f.pc), int(f.is_tail_call), int(str(f).endswith(' (tail call)')))
                """);
        String js = JsHarness.out(prog, """
                for (const t of prog.threads().sort((a, b) => a.tid - b.tid)) {
                    t.stackTrace().frames.forEach((f, i) => console.log([t.tid, i, f.name ?? 'None', '0x' + f.pc.toString(16),
                        Number(f.isTailCall), Number(f.toString().endsWith(' (tail call)'))].join(' ')));
                }
                """);
        assertEquals(py, js);
        List<String> tail = js.lines().filter(l -> l.endsWith(" 1 1")).toList();
        assertEquals(4, tail.size(), js);                                   // gdb's 4 tail-call frames
        assertEquals(0, js.lines().filter(l -> l.endsWith(" 1 0") || l.endsWith(" 0 1")).count(), js);
    }

    @Test
    void absenceReasonsAgreeWithPython() throws IOException {
        String withLibs = absenceReasons(core());
        assertTrue(withLibs.lines().filter(l -> l.endsWith(" OPTIMIZED_OUT")).count() > 20, withLibs);   // libc's, mostly
        Program prog = coreWithBinaryOnly();
        String js = absenceReasons(prog);
        // gdb: main (argc=<optimized out>, argv=<optimized out>) in the crashed thread
        long crashed = prog.crashedThread().tid();
        for (String v : List.of("argc", "argv")) {
            assertTrue(js.lines().anyMatch(l -> l.matches(crashed + " \\d+ main " + v + " OPTIMIZED_OUT")), v + "\n" + js);
        }
        assertTrue(js.lines().anyMatch(l -> l.endsWith(" None")), js);      // and some variables are there
    }

    /** Every frame variable's absence reason (and made-up objects') by JS, asserted equal to Python's. */
    private static String absenceReasons(Program prog) {
        String py = PythonHarness.out(prog, """
                from drgn import AbsenceReason, Object
                for t in sorted(prog.threads(), key=lambda t: t.tid):
                    for i, f in enumerate(t.stack_trace()):
                        for n in f.locals():
                            try:
                                r = f[n].absence_reason_
                                print(t.tid, i, f.name, n, None if r is None else r.name)
                            except Exception as e:
                                print(t.tid, i, f.name, n, type(e).__name__)
                for r in (None, AbsenceReason.OTHER, AbsenceReason.NOT_IMPLEMENTED):
                    o = Object(prog, 'int') if r is None else Object(prog, 'int', absence_reason=r)
                    print(repr(o), o.absence_reason_.name)
                print(Object(prog, 'int', 7).absence_reason_)
                """);
        String js = JsHarness.out(prog, """
                const { AbsenceReason, Object: DObject } = drgn;
                for (const t of prog.threads().sort((a, b) => a.tid - b.tid)) {
                    t.stackTrace().frames.forEach((f, i) => {
                        for (const n of f.locals()) {
                            try {
                                const r = f.get(n).absenceReason_;
                                console.log([t.tid, i, f.name ?? 'None', n, r === null ? 'None' : AbsenceReason[r]].join(' '));
                            } catch (e) {
                                console.log([t.tid, i, f.name ?? 'None', n, e.name].join(' '));
                            }
                        }
                    });
                }
                for (const r of [null, AbsenceReason.OTHER, AbsenceReason.NOT_IMPLEMENTED]) {
                    const o = r === null ? new DObject(prog, 'int') : new DObject(prog, 'int', { absenceReason: r });
                    console.log(`${o.repr_()} ${AbsenceReason[o.absenceReason_]}`);
                }
                console.log(String(new DObject(prog, 'int', { value: 7 }).absenceReason_).replace('null', 'None'));
                """);
        assertEquals(py, js);
        return js;
    }

    @Test
    void printkRecordsAgreeWithPython() throws IOException {
        KernelCores.assumeDumps();
        Program prog = new Program(null);
        KernelLoader.open(prog, KernelCores.dump(KernelDump.KDUMP_ELF),
                new DebugInfoOptions(List.of(KernelCores.vmlinux()), false, false), w -> { });
        String py = PythonHarness.out(prog, """
                from drgn.helpers.linux.printk import get_printk_records
                for r in get_printk_records(prog):
                    ctx = ','.join(f'{k.decode()}={v.hex()}' for k, v in sorted(r.context.items()))
                    print(r.seq, r.level, r.facility, r.timestamp, r.caller_tid, r.caller_cpu,
                          int(r.continuation), r.text.hex(), ctx)
                """);
        String js = JsHarness.out(prog, """
                const hexOf = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
                for (const r of drgn.getPrintkRecords(prog)) {
                    const ctx = Object.keys(r.context).sort().map((k) => `${k}=${hexOf(r.context[k])}`).join(',');
                    console.log([r.seq, r.level, r.facility, r.timestamp, r.callerTid ?? 'None', r.callerCpu ?? 'None',
                        Number(r.continuation), hexOf(r.text), ctx].join(' '));
                }
                """);
        assertTrue(js.lines().count() > 300, js);
        assertEquals(py, js);
        assertTrue(js.lines().anyMatch(l -> l.matches(".* (SUBSYSTEM|DEVICE)=.*")), "some records carry context");
    }
}
