package org.jdrgn.lang.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jdrgn.program.CoreLoader;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.Program;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.jdrgn.testcores.KernelTraceFrame;
import org.jdrgn.testcores.OracleFacts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * drgn API after 0.0.22 on the real kdump (crash on CPU 1 by sysrq-c from pid 120, "panicker"):
 * prog.stack_trace(pt_regs), stack_trace_from_pcs, the default program of the Linux helpers,
 * AbsenceReason of frame variables, read_c_string and core_dump_path; expected values are
 * drgn 0.0.22's (oracle traces.tsv and facts.tsv of the same dump).
 */
@Tag("slow")
class NewApiKernelTest {
    private static KernelDump dump;
    private static Program prog;
    private static OracleFacts facts;
    private static List<KernelTraceFrame> panicker;

    @BeforeAll
    static void open() throws IOException {
        KernelCores.assumeOracle();
        dump = KernelDump.values()[0];
        for (KernelDump k : KernelDump.values()) if (k.state() == KernelDump.State.KDUMP) dump = k;
        prog = new Program(null);
        CoreLoader.open(prog, KernelCores.dump(dump), new DebugInfoOptions(List.of(KernelCores.vmlinux()), false, false), w -> { });
        facts = KernelCores.facts(dump);
        long task = facts.hex("cpu.1.curr");
        panicker = KernelCores.traces(dump).stream().filter(f -> f.task() == task).toList();
        assertTrue(panicker.size() >= 10, "oracle frames of the panicking task: " + panicker.size());
    }

    private static String rows(List<KernelTraceFrame> frames) {
        return frames.stream().map(f -> f.function().orElse("None") + " " + f.pc().map(Long::toHexString).orElse("?")
                + " " + f.sp().map(Long::toHexString).orElse("?") + "\n").collect(Collectors.joining());
    }

    private static final String PRINT_ROWS = """
            def rows(trace):
                for f in trace:
                    print(f.name, hex(f.pc)[2:], hex(f.sp)[2:])
            """;

    @Test
    void stackTraceOfPtRegsIsTheTraceFromThere() {
        KernelTraceFrame user = panicker.getLast();
        // the crashed frame's registers (crash_setup_regs filled __crash_kexec's fixed_regs; the
        // dump's PRSTATUS holds the same) give the whole crashed trace; the syscall's pt_regs at
        // the top of the task stack give the user frame the kernel was entered from
        String out = PythonHarness.out(prog, PRINT_ROWS + """
                t = prog.crashed_thread().stack_trace()
                rows(prog.stack_trace(t[1]['fixed_regs']))
                print('--')
                rows(prog.stack_trace(t[0]['newregs']))
                print('--')
                task = prog.crashed_thread().object
                top = task.stack.value_() + 4 * 4096 - prog.type('struct pt_regs').size
                user = prog.stack_trace(Object(prog, 'struct pt_regs *', value=top))
                print(hex(user[0].pc)[2:], hex(user[0].sp)[2:], len(user))
                """.replace("t = prog", "from drgn import Object\nt = prog"));
        String want = rows(panicker);
        assertEquals(want + "--\n" + want + "--\n" + Long.toHexString(user.pc().orElseThrow()) + " "
                + Long.toHexString(user.sp().orElseThrow()) + " 1\n", out);
    }

    @Test
    void stackTraceFromPcsNamesEachCall() {
        // the return addresses of the crashed trace (frames from panic on, one pc per physical frame)
        List<KernelTraceFrame> callers = panicker.stream().filter(f -> f.frame() >= 2).toList();
        List<Long> pcs = new ArrayList<>();
        for (KernelTraceFrame f : callers) if (!f.inline()) pcs.add(f.pc().orElseThrow());
        String out = PythonHarness.out(prog, """
                trace = prog.stack_trace_from_pcs(%s)
                for f in trace:
                    print(f.name, hex(f.pc)[2:])
                """.formatted(pcs.stream().map(Long::toUnsignedString).toList()));
        String want = callers.stream().map(f -> f.function().orElse("None") + " " + Long.toHexString(f.pc().orElseThrow()) + "\n")
                .collect(Collectors.joining());
        assertEquals(want, out);
    }

    @Test
    void helpersTakeTheDefaultProgram() {
        long curr = facts.hex("cpu.1.curr"), idle = facts.hex("cpu.1.idle");
        int tasks = (int) facts.facts().keySet().stream().filter(k -> k.startsWith("task.") && k.endsWith(".ppid")).count();
        String pid = facts.get("cpu.1.curr.pid");     // the panicker: its pid varies per boot
        String out = PythonHarness.out(prog, """
                import drgn
                from drgn import Object, NoDefaultProgramError
                from drgn.helpers.linux.pid import find_task, find_pid, for_each_task, for_each_pid
                from drgn.helpers.linux.sched import cpu_curr, idle_task
                drgn.set_default_prog(None)
                try:
                    idle_task(1)
                except NoDefaultProgramError:
                    print('no default')
                pid = Object(prog, 'int', PID)
                print(hex(find_task(pid).value_()))          # prog from the Object argument
                drgn.set_default_prog(prog)
                ns = prog['init_pid_ns'].address_of_()
                forms = [find_task(PID), find_task(prog, PID), find_task(ns, PID), find_task(pid=PID),
                         find_task(prog=prog, pid=PID), find_task(ns=ns, pid=PID)]
                print(len({t.value_() for t in forms}), hex(forms[0].value_()), forms[0].comm.string_())
                print(hex(cpu_curr(1).value_()), cpu_curr(1) == cpu_curr(prog, 1))
                print(hex(idle_task(1).value_()), idle_task(cpu=1) == idle_task(prog, 1))
                print(len(list(for_each_task())), len(list(for_each_task(prog))), len(list(for_each_task(ns))))
                print(find_pid(PID) == find_pid(prog, PID), len(list(for_each_pid())) == len(list(for_each_pid(prog))))
                from drgn.helpers.linux.printk import get_dmesg
                print(b'sysrq: Trigger a crash' in get_dmesg(), get_dmesg() == get_dmesg(prog))
                """.replace("PID", pid));
        String c = "0x" + Long.toHexString(curr);
        assertEquals("no default\n" + c + "\n1 " + c + " b'panicker'\n" + c + " True\n0x" + Long.toHexString(idle)
                + " True\n" + tasks + " " + tasks + " " + tasks + "\nTrue True\nTrue True\n", out);
    }

    @Test
    void frameVariablesOptimizedOutSaySo() {
        // drgn 0.0.22 prints these as <absent>; upstream's reason for a variable without a location here
        List<String> names = List.of(facts.get("seed.panicker.frame.2.locals").split(","));
        String out = PythonHarness.out(prog, """
                f = prog.crashed_thread().stack_trace()[2]
                for n in %s:
                    print(n, f[n].absence_reason_)
                """.formatted(names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(",", "[", "]"))));
        StringBuilder want = new StringBuilder();
        for (String n : names) {
            boolean absent = facts.get("seed.panicker.frame.2." + n).equals("<absent>");
            want.append(n).append(absent ? " AbsenceReason.OPTIMIZED_OUT\n" : " None\n");
        }
        assertEquals(want.toString(), out);
    }

    @Test
    void readCStringAndCoreDumpPath() {
        String release = facts.get("vmcoreinfo.OSRELEASE");
        long uts = Long.parseUnsignedLong(facts.get("vmcoreinfo.SYMBOL(init_uts_ns)"), 16);
        String out = PythonHarness.out(prog, """
                release = prog['init_uts_ns'].name.release
                assert release.address_ == %s + 130
                print(prog.read_c_string(release.address_).decode())
                print(prog.read_c_string(release.address_, max_size=4).decode())
                print(prog.read_c_string(release.address_, False, max_size=1000) == release.string_())
                print(prog.core_dump_path == %s, prog.language.name)
                """.formatted(Long.toUnsignedString(uts), "'" + KernelCores.dump(dump) + "'"));
        assertEquals(release + "\n" + release.substring(0, 4) + "\nTrue\nTrue C\n", out);
    }
}
