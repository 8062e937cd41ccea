package org.jdrgn.program;

import org.jdrgn.program.kernel.KernelProgramObjects;

import org.jdrgn.program.kernel.KernelLoader;
import org.jdrgn.program.kernel.KernelTarget;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdrgn.linux.KernelObjects;
import org.jdrgn.linux.PerCpu;
import org.jdrgn.linux.Pids;
import org.jdrgn.linux.Sched;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.jdrgn.testcores.OracleFacts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every kernel dump format opened as a Program with vmlinux from -s, against what drgn
 * 0.0.22 said about the same guest state (its reference dump: the same boot, so the same
 * KASLR addresses): globals, symbols, per-CPU runqueues, tasks and pids, the crashed task.
 */
class KernelLoaderTest {
    static Program open(KernelDump d) {
        Program prog = new Program(null);
        KernelLoader.open(prog, KernelCores.dump(d),
                new DebugInfoOptions(List.of(KernelCores.vmlinux()), false, false), w -> fail("warning: " + w));
        return prog;
    }

    private static String string(DrgnObject o) { return new String(o.string(), StandardCharsets.UTF_8); }

    /** One open per dump (indexing vmlinux's DWARF dominates), then each part checked on its own. */
    @ParameterizedTest
    @EnumSource(KernelDump.class)
    void matchesDrgn(KernelDump d) {
        KernelCores.assumeOracle();
        OracleFacts facts = KernelCores.facts(d.reference());
        Program prog = globalsAndSymbolsAsDrgn(d, facts);
        assertAll(() -> perCpuRunqueuesAsDrgn(prog, facts),
                () -> tasksAndPidsAsDrgn(prog, facts),
                () -> crashedThreadIsTheTaskOnTheCrashedCpu(d, prog, facts));
    }

    private Program globalsAndSymbolsAsDrgn(KernelDump d, OracleFacts facts) {
        long t0 = System.nanoTime();
        Program prog = open(d);
        long t1 = System.nanoTime();
        DrgnObject uts = prog.object("init_uts_ns", ObjectFinder.ANY, null);
        String release = string(uts.member("name").member("release"));
        long t2 = System.nanoTime();
        System.out.printf("%-26s open %.0f ms, first lookup (init_uts_ns.name.release) %.0f ms%n",
                d.fileName(), (t1 - t0) / 1e6, (t2 - t1) / 1e6);

        assertEquals(ProgramFlags.IS_LINUX_KERNEL, prog.flags());
        assertEquals(Platform.X86_64, prog.platform());
        assertEquals(facts.get("init_uts_ns.name.release"), release);
        assertEquals(facts.hex("init_uts_ns.address"), uts.address());
        for (String f : new String[] {"sysname", "nodename", "version", "machine", "domainname"}) {
            assertEquals(facts.get("init_uts_ns.name." + f), string(uts.member("name").member(f)), f);
        }
        DrgnObject init = prog.object("init_task", ObjectFinder.ANY, null);
        assertEquals(facts.hex("init_task.address"), init.address());
        assertEquals(facts.get("init_task.comm"), string(init.member("comm")));
        assertEquals(facts.hex("symbol._text"), prog.symbol("_text").address());
        assertEquals("init_task", prog.symbol(facts.hex("init_task.address")).name());

        long jiffies64 = Long.parseUnsignedLong(facts.get("jiffies_64"));
        DrgnObject j64 = prog.object("jiffies_64", ObjectFinder.ANY, null);
        assertEquals(jiffies64, KernelObjects.value(j64));
        // jiffies: only declared in DWARF (drgn 0.0.22: KeyError); the ELF symbol aliases jiffies_64
        assertTrue(facts.isError("jiffies"), "the oracle could not read jiffies");
        DrgnObject jiffies = prog.object("jiffies", ObjectFinder.VARIABLE, null);
        assertEquals(j64.address(), jiffies.address());
        assertEquals(jiffies64, KernelObjects.value(jiffies));
        assertEquals("volatile unsigned long", jiffies.type().typeName());

        // physical reads: the direct map is linear over physical memory
        long rq = facts.hex("cpu.0.runqueues");
        var km = ((KernelTarget) prog.target()).memory();
        assertArrayEquals(prog.read(rq, 64, false), prog.read(rq - km.pageOffsetBase(), 64, true));
        return prog;
    }

    private void perCpuRunqueuesAsDrgn(Program prog, OracleFacts facts) {
        KernelObjects k = new KernelProgramObjects(prog);
        int cpus = facts.integer("nr_cpu_ids");
        assertEquals(cpus, Sched.nrCpuIds(k));
        // the percpu variable keeps its DWARF address (an offset into the per-CPU area), as in drgn
        long rqOffset = prog.object("runqueues", ObjectFinder.ANY, null).address();
        assertTrue(Long.compareUnsigned(rqOffset, 1L << 32) < 0, "runqueues at 0x" + Long.toHexString(rqOffset));
        for (int cpu = 0; cpu < cpus; cpu++) {
            String p = "cpu." + cpu + ".";
            assertEquals(facts.hex(p + "runqueues"), PerCpu.of(k, "runqueues", cpu).address(), p + "runqueues");
            assertEquals(facts.hex(p + "curr"), KernelObjects.value(Sched.cpuCurr(k, cpu)), p + "curr");
            assertEquals(facts.hex(p + "idle"), KernelObjects.value(Sched.idleTask(k, cpu)), p + "idle");
            DrgnObject ptr = PerCpu.ptr(k, prog.object("runqueues", ObjectFinder.ANY, null).addressOf(), cpu);
            assertEquals("struct rq *", ptr.type().typeName());
            assertEquals(facts.hex(p + "runqueues"), KernelObjects.value(ptr));
        }
    }

    private void tasksAndPidsAsDrgn(Program prog, OracleFacts facts) {
        KernelObjects k = new KernelProgramObjects(prog);
        List<Long> tids = new ArrayList<>();
        for (ProgramThread t : prog.threads()) tids.add(t.tid());
        assertEquals(facts.tids().stream().map(Integer::longValue).toList(), tids, "prog.threads()");

        Pids pids = new Pids(k);
        List<Long> tasks = pids.forEachTask(pids.initPidNs());
        assertEquals(facts.integer("tasks.count"), tasks.size());
        List<Long> taskPids = new ArrayList<>();
        KernelTarget target = (KernelTarget) prog.target();
        int checked = 0;
        for (long task : tasks) {
            String p = "task.0x" + Long.toHexString(task) + ".";
            long pid = Long.parseLong(facts.get(p + "pid"));
            taskPids.add(pid);
            assertEquals(task, pids.findTask(pids.initPidNs(), pid), "find_task " + pid);
            DrgnObject obj = pids.taskObject(task);
            assertEquals(Long.parseLong(facts.get(p + "cpu")), Sched.taskCpu(obj), p + "cpu");
            assertEquals(facts.get(p + "comm"), string(obj.deref().member("comm")));
            assertEquals(task, target.task(pid).orElseThrow());
            checked++;
        }
        assertEquals(facts.get("tasks"), String.join(",", taskPids.stream().map(String::valueOf).toList()));
        assertEquals(0, pids.findTask(pids.initPidNs(), 99999), "no such pid");
        assertTrue(checked > 50);
    }

    private void crashedThreadIsTheTaskOnTheCrashedCpu(KernelDump d, Program prog, OracleFacts facts) {
        KernelTarget target = (KernelTarget) prog.target();
        ProgramThread crashed = prog.crashedThread();
        long task = target.task(crashed).orElseThrow();
        switch (d.state()) {
            // kdump: crashing_cpu = 1 and real pids: drgn is right
            case KDUMP -> {
                assertEquals(facts.crashedTid(), crashed.tid());
                assertEquals(facts.hex("crashed_thread.object"), task);
                assertEquals(1, target.crashedCpu());
            }
            // QEMU after a panic: drgn says init (pr_pid 1 = vCPU 0); the task on panic_cpu is the panicker
            case PANIC -> {
                assertEquals(facts.hex("panicker.task"), task);
                assertEquals("panicker", crashed.name());
                assertEquals(facts.integer("panic_cpu"), target.crashedCpu());
            }
            // a running guest: no crash; the first vCPU's current task
            case LIVE -> assertEquals(facts.hex("cpu.0.curr"), task);
        }
        Map<String, Long> regs = crashed.registers();
        assertFalse(regs.isEmpty(), "the crashed CPU's NT_PRSTATUS registers");
        // the saved stack pointer is on the crashed task's kernel stack (THREAD_SIZE 16 KiB)
        long stack = KernelObjects.value(target.objects().pointer("struct task_struct *", task).deref().member("stack"));
        assertTrue(Long.compareUnsigned(regs.get("rsp") - stack, 16384) < 0 || d.state() == KernelDump.State.LIVE,
                "rsp 0x" + Long.toHexString(regs.get("rsp")) + " stack 0x" + Long.toHexString(stack));
    }
}
