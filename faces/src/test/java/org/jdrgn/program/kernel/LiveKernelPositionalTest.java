package org.jdrgn.program.kernel;

import org.jdrgn.program.*;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdrgn.core.KernelDumpFile;
import org.jdrgn.error.ValueErrorException;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.stack.FrameTrace;
import org.jdrgn.stack.StackTraces;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.jdrgn.testcores.KernelTraceFrame;
import org.jdrgn.testcores.OracleFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The running kernel's path (/proc/kcore: positional reads, IS_LIVE) on the real dumps, which
 * stand for kcore since this machine has none: the answers equal drgn 0.0.22's on the same
 * dump; the positional reading alone (not live) gives every task's trace drgn gives; the
 * /sys/kernel/vmcoreinfo fallback finds the kernel's own note in physical memory.
 */
class LiveKernelPositionalTest {
    @TempDir Path tmp;

    private static DebugInfoOptions vmlinux() {
        return new DebugInfoOptions(List.of(KernelCores.vmlinux()), false, false);
    }

    @ParameterizedTest
    @EnumSource(value = KernelDump.class, names = {"KDUMP_ELF", "LIVE_ELF_PAGING", "PANIC_ELF_PAGING"})
    void liveOpenAnswersAsDrgn(KernelDump d) {
        KernelCores.assumeOracle();
        OracleFacts facts = KernelCores.facts(d);
        long t0 = System.nanoTime();
        Program prog = new Program(null);
        LiveKernel.open(prog, KernelCores.dump(d), vmlinux(), w -> { });
        assertEquals(ProgramFlags.IS_LINUX_KERNEL | ProgramFlags.IS_LIVE, prog.flags());
        DrgnObject uts = prog.object("init_uts_ns", ObjectFinder.ANY, null);
        assertEquals(facts.get("init_uts_ns.name.release"),
                new String(uts.member("name").member("release").string(), StandardCharsets.UTF_8));
        assertEquals(facts.get("init_task.comm"),
                new String(prog.object("init_task", ObjectFinder.ANY, null).member("comm").string(), StandardCharsets.UTF_8));
        assertEquals(facts.get("threads"), prog.threads().stream().map(t -> Long.toString(t.tid())).collect(Collectors.joining(",")));
        // drgn: ValueError: crashed thread is only defined for core dumps
        assertEquals("crashed thread is only defined for core dumps",
                assertThrows(ValueErrorException.class, prog::crashedThread).getMessage());

        // switched-out tasks unwind from their saved frame as on a dump; running ones (by the
        // dump's CPU registers) have none on a live kernel and are not compared
        Program dump = new Program(null);
        KernelLoader.open(dump, KernelCores.dump(d), vmlinux(), w -> { });
        List<KernelTraceFrame> oracle = KernelCores.traces(d);
        StackTraces traces = StackTraces.forProgram(prog);
        int tasks = 0, running = 0;
        for (List<KernelTraceFrame> want : byTask(oracle).values()) {
            int pid = want.getFirst().pid();
            if (pid == 0) continue; // idle tasks share pid 0
            if (dump.thread(pid).registers().containsKey("rax")) {
                // drgn: ValueError: cannot unwind stack of running task
                assertEquals("cannot unwind stack of running task",
                        assertThrows(ValueErrorException.class, () -> traces.trace(pid)).getMessage(), d + " pid " + pid);
                running++;
                continue;
            }
            if (pid <= 2 && d.state() != KernelDump.State.KDUMP) continue; // QEMU's pid/vCPU mix-up in drgn 0.0.22
            assertFrames(want, traces.trace(pid), d + " pid " + pid);
            tasks++;
        }
        assertTrue(tasks >= 20, d + ": " + tasks + " switched-out tasks compared");
        if (d.state() == KernelDump.State.KDUMP) assertTrue(running >= 1, "the crashed task runs on CPU 1");
        System.out.printf("[kcore] %s: live open + %d traces (%d running tasks refused) in %.2f s%n", d, tasks, running,
                (System.nanoTime() - t0) / 1e9);
    }

    /** Every task of the real kdump, running ones by their NT_PRSTATUS, through positional reads. */
    @Test
    void positionalReadingGivesDrgnsTraces() {
        KernelCores.assumeOracle();
        long t0 = System.nanoTime();
        Program prog = new Program(null);
        KernelDumpFile file = KernelLoader.openFile(KernelCores.dump(KernelDump.KDUMP_ELF), true);
        KernelLoader.open(prog, file, file.vmcoreinfo(), false, vmlinux(), Path.of("/"), w -> { });
        assertEquals(ProgramFlags.IS_LINUX_KERNEL, prog.flags());
        StackTraces traces = StackTraces.forProgram(prog);
        int tasks = 0, frames = 0;
        for (List<KernelTraceFrame> want : byTask(KernelCores.traces(KernelDump.KDUMP_ELF)).values()) {
            int pid = want.getFirst().pid();
            if (pid == 0) continue; // idle tasks share pid 0
            frames += assertFrames(want, traces.trace(pid), "pid " + pid);
            tasks++;
        }
        OracleFacts facts = KernelCores.facts(KernelDump.KDUMP_ELF);
        assertEquals(facts.get("cpu.1.curr.comm"), prog.crashedThread().name());
        assertTrue(tasks >= 20 && frames >= 200, tasks + " tasks, " + frames + " frames");
        System.out.printf("[kcore] KDUMP_ELF positional: %d tasks, %d frames equal to drgn's in %.2f s%n",
                tasks, frames, (System.nanoTime() - t0) / 1e9);
    }

    /** Before Linux 4.19 kcore has no VMCOREINFO note: sysfs names the kernel's note in physical memory. */
    @Test
    void vmcoreinfoFromSysfs() throws Exception {
        KernelCores.assumeOracle();
        Program prog = new Program(null);
        LiveKernel.open(prog, KernelCores.dump(KernelDump.KDUMP_ELF), vmlinux(), w -> { });
        long note = prog.object("vmcoreinfo_note", ObjectFinder.ANY, null).toInt().longValue();
        long pageOffset = prog.object("page_offset_base", ObjectFinder.ANY, null).toInt().longValue();
        Path sysfs = tmp.resolve(LiveVmcoreInfo.SYSFS);
        Files.createDirectories(sysfs.getParent());
        Files.writeString(sysfs, Long.toHexString(note - pageOffset) + " 1024\n");
        KernelDumpFile file = KernelLoader.openFile(KernelCores.dump(KernelDump.KDUMP_ELF), true);
        assertEquals(file.vmcoreinfo(), LiveVmcoreInfo.read(sysfs, file.memory()));
        assertEquals(Optional.empty(), LiveVmcoreInfo.read(tmp.resolve("none"), file.memory()));
        Files.writeString(sysfs, "garbage\n");
        assertThrows(org.jdrgn.error.DrgnException.class, () -> LiveVmcoreInfo.read(sysfs, file.memory()));
    }

    /** The release that finds vmlinux: VMCOREINFO's OSRELEASE, else /proc/sys/kernel/osrelease. */
    @Test
    void releaseFromProcWhenVmcoreinfoLacksIt() throws Exception {
        KernelCores.assumeDumps();
        String info = KernelDumpFile.open(KernelCores.dump(KernelDump.KDUMP_ELF)).vmcoreinfo().orElseThrow();
        String without = info.lines().filter(l -> !l.startsWith("OSRELEASE=")).collect(Collectors.joining("\n"));
        Path osrelease = tmp.resolve("proc/sys/kernel/osrelease");
        Files.createDirectories(osrelease.getParent());
        Files.writeString(osrelease, "9.9.9-other\n");
        assertEquals(info, LiveKernel.withRelease(info, tmp));
        assertEquals("9.9.9-other", org.jdrgn.linux.VmcoreInfo.parse(LiveKernel.withRelease(without, tmp)).osRelease());
        assertEquals(without, LiveKernel.withRelease(without, tmp.resolve("none")));
    }

    /** drgn: FileNotFoundError: [Errno 2] No such file or directory: '/proc/kcore' (the cause picks the Python class). */
    @Test
    void missingKcoreIsFileNotFound() {
        Path none = tmp.resolve("kcore");
        var e = assertThrows(org.jdrgn.error.DrgnException.class, () -> LiveKernel.open(new Program(null), none,
                new DebugInfoOptions(List.of(), false, false), w -> { }));  // no kernel material needed
        assertEquals("[Errno 2] No such file or directory: '" + none + "'", e.getMessage());
        var spec = org.jdrgn.lang.DrgnErrors.of(e);
        assertEquals("OSError", spec.name());
        assertEquals(List.of(2, "No such file or directory", none.toString()), List.of(spec.args()));
    }

    private static Map<Long, List<KernelTraceFrame>> byTask(List<KernelTraceFrame> oracle) {
        Map<Long, List<KernelTraceFrame>> out = new LinkedHashMap<>();
        for (KernelTraceFrame f : oracle) out.computeIfAbsent(f.task(), k -> new ArrayList<>()).add(f);
        return out;
    }

    /** Function, pc and sp of each frame (tail-call frames, gdb's and not drgn 0.0.22's, dropped). */
    private static int assertFrames(List<KernelTraceFrame> want, FrameTrace all, String where) {
        var got = all.frames().stream().filter(f -> !f.isTailCall()).toList();
        assertEquals(want.size(), got.size(), where + " frame count: " + all);
        for (KernelTraceFrame w : want) {
            var g = got.get(w.frame());
            assertEquals(w.function().orElse(null), g.name(), where + " frame " + w.frame());
            assertEquals(w.pc().orElseThrow(), g.pc(), where + " frame " + w.frame() + " pc");
            assertEquals(w.sp().orElseThrow(), g.sp().orElseThrow(), where + " frame " + w.frame() + " sp");
        }
        return want.size();
    }
}
