package org.jdrgn.lang.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.jdrgn.program.load.DumpLoader;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.kernel.KernelLoader;
import org.jdrgn.program.Program;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.jdrgn.testcores.KernelTraceFrame;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * prog.stack_trace(x) for every form drgn accepts: a Thread, a thread ID, an integer Object
 * (taken as a thread ID) and, on a kernel, a {@code struct task_struct *} — by address, so the
 * idle tasks of CPUs > 0 (pid 0, not on the task list) unwind too, as drgn does.
 */
@Tag("slow")
class StackTraceArgumentTest {
    @Test
    void userspaceFormsAgree() throws IOException {
        String core = TestCores.list().stream().filter(c -> c.startsWith("threads_O2")).findFirst().orElseThrow();
        Program prog = new Program(null);
        DumpLoader.open(prog, TestCores.core(core), new DebugInfoOptions(List.of(TestCores.binaryFor(core)), false, false), w -> { });
        String out = PythonHarness.out(prog, """
                from drgn import Object
                t = sorted(prog.threads(), key=lambda t: t.tid)[-1]
                forms = [prog.stack_trace(t), prog.stack_trace(t.tid), prog.stack_trace(Object(prog, 'int', t.tid)), t.stack_trace()]
                print(len({str(f) for f in forms}), len(forms[0]) > 0)
                # drgn: a non-structure Object has no attributes (AttributeError, so getattr's default applies)
                print(getattr(Object(prog, 'int', 5), 'tid', 'none'))
                try:
                    prog.stack_trace(Object(prog, 'int', 0))
                except LookupError as e:
                    print('LookupError', e)
                """);
        assertEquals("1 True\nnone\nLookupError thread not found\n", out);   // drgn 0.0.22's words
    }

    @Test
    void kernelTaskPointerIncludingIdleTasks() throws IOException {
        KernelCores.assumeOracle();
        KernelDump d = KernelDump.values()[0];
        for (KernelDump k : KernelDump.values()) if (k.state() == KernelDump.State.KDUMP) d = k;
        Program prog = new Program(null);
        KernelLoader.open(prog, KernelCores.dump(d), new DebugInfoOptions(List.of(KernelCores.vmlinux()), false, false), w -> { });
        var facts = KernelCores.facts(d);
        long idle1 = facts.hex("cpu.1.idle");
        List<KernelTraceFrame> want = KernelCores.traces(d).stream().filter(f -> f.task() == idle1).toList();
        assertTrue(want.size() >= 3, "oracle frames of CPU 1's idle task: " + want.size());
        String out = PythonHarness.out(prog, """
                from drgn import Object
                from drgn.helpers.linux.sched import idle_task
                trace = prog.stack_trace(idle_task(prog, 1))
                assert trace[0].name == prog.stack_trace(Object(prog, 'struct task_struct *', value=%d))[0].name
                for f in trace:
                    print(f.name)
                # init_task is listed by threads() (tid 0): its Thread unwinds as its task, either way
                t0 = [t for t in prog.threads() if t.tid == 0][0]
                assert str(t0.stack_trace()) == str(prog.stack_trace(t0)) == str(prog.stack_trace(t0.object))
                for tid in (0, 99999):   # drgn 0.0.22: LookupError: task not found
                    try:
                        prog.stack_trace(tid)
                    except LookupError as e:
                        print('LookupError', e)
                """.formatted(idle1));
        List<String> names = want.stream().map(f -> f.function().orElse("None")).toList();
        assertEquals(String.join("\n", names) + "\nLookupError task not found\nLookupError task not found\n", out);
    }
}
