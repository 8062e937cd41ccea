package org.jdrgn.program.kernel;

import org.jdrgn.program.LoadedModules;
import org.jdrgn.program.Module;
import org.jdrgn.program.Program;
import org.jdrgn.program.ProgramFlags;
import org.jdrgn.program.ProgramThread;
import org.jdrgn.elf.Symbol;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdrgn.core.PrStatus;
import org.jdrgn.linux.KernelMemory;
import org.jdrgn.linux.KernelObjects;
import org.jdrgn.linux.Sched;
import org.jdrgn.linux.TaskWalk;
import org.jdrgn.objects.DrgnObject;

/**
 * Threads and symbols of a Linux kernel dump, for {@link Program}. Threads are tasks, walked
 * from init_task on first use (opening a dump reads no task). A task running on a CPU gets
 * that CPU's NT_PRSTATUS registers; CPUs are matched to tasks through the runqueues, since
 * QEMU's notes carry vCPU numbers where the kernel's carry pids.
 */
public final class KernelTarget implements Program.Target {
    private final Program prog;
    private final KernelMemory memory;
    private final LoadedModules modules;
    private final List<PrStatus> notes;
    private final boolean qemu;
    private volatile Tasks tasks;

    /** The walked tasks: threads in drgn's order and the task address of each. */
    private record Tasks(List<ProgramThread> threads, Map<ProgramThread, Long> addresses) {}

    KernelTarget(Program prog, KernelMemory memory, LoadedModules modules, List<PrStatus> notes, boolean qemu) {
        this.prog = prog;
        this.memory = memory;
        this.modules = modules;
        this.notes = List.copyOf(notes);
        this.qemu = qemu;
    }

    /** The kernel helpers' view of this program. */
    public KernelObjects objects() { return new KernelProgramObjects(prog); }

    /** Virtual and physical kernel memory (VMCOREINFO, KASLR offset, page tables). */
    public KernelMemory memory() { return memory; }

    /** The vmlinux module (bias = KASLR offset). */
    public Module vmlinux() { return modules.modules().get(0); }

    /** The CPU whose registers a NT_PRSTATUS note holds: QEMU numbers them pid - 1, the kernel in CPU order. */
    public int cpuOf(int noteIndex) { return qemu ? notes.get(noteIndex).tid() - 1 : noteIndex; }

    /** The registers saved for a CPU at the crash, if the dump has them. */
    public Optional<PrStatus> cpuRegisters(long cpu) {
        for (int i = 0; i < notes.size(); i++) if (cpuOf(i) == cpu) return Optional.of(notes.get(i));
        return Optional.empty();
    }

    /** The task_struct address of a thread this target returned. */
    @Override
    public Optional<Long> task(ProgramThread t) {
        if ((prog.flags() & ProgramFlags.IS_LIVE) != 0 && t.tid() != 0) {
            // live: a scan of pids, not a fresh walk that builds every thread
            for (long task : TaskWalk.allThreads(objects())) if (pid(task) == t.tid()) return Optional.of(task);
            return Optional.empty();
        }
        Long a = tasks().addresses().get(t);
        return a != null ? Optional.of(a) : crashedTask().filter(c -> thread(c).equals(t));
    }

    /** The task_struct address of the thread with this tid (for tid 0, init_task). */
    @Override
    public Optional<Long> task(long tid) {
        for (var e : tasks().addresses().entrySet()) if (e.getKey().tid() == tid) return Optional.of(e.getValue());
        return crashedTask().filter(c -> pid(c) == tid);
    }

    @Override
    public List<ProgramThread> threads() { return tasks().threads(); }

    private Tasks tasks() {
        // a running kernel's tasks come and go: walked afresh each time, as drgn does
        if ((prog.flags() & ProgramFlags.IS_LIVE) != 0) return walk();
        Tasks t = tasks;
        if (t == null) {
            synchronized (this) {
                if (tasks == null) tasks = walk();
                t = tasks;
            }
        }
        return t;
    }

    private Tasks walk() {
        Map<Long, Map<String, Long>> running = runningRegisters();
        Map<ProgramThread, Long> addresses = new LinkedHashMap<>();
        List<ProgramThread> threads = new ArrayList<>();
        for (long task : TaskWalk.allThreads(objects())) {
            Map<String, Long> regs = running.get(task);
            ProgramThread t = regs != null ? thread(task, regs, true) : thread(task, switchedOutRegisters(task), false);
            threads.add(t);
            addresses.putIfAbsent(t, task);
        }
        return new Tasks(List.copyOf(threads), addresses);
    }

    /** Registers of each CPU's current task, by task address. */
    private Map<Long, Map<String, Long>> runningRegisters() {
        Map<Long, Map<String, Long>> out = new LinkedHashMap<>();
        KernelObjects k = objects();
        for (int i = 0; i < notes.size(); i++) {
            long curr = KernelObjects.value(Sched.cpuCurr(k, cpuOf(i)));
            out.putIfAbsent(curr, notes.get(i).registers());
        }
        return out;
    }

    /** The thread of a task_struct address, on the task list or not (an idle task of CPU > 0, pid 0). */
    @Override
    public ProgramThread taskThread(long task) { return thread(task); }

    @Override
    public org.jdrgn.error.LookupException threadNotFound() { return new org.jdrgn.error.LookupException("task not found"); }

    /** A kernel thread is its task: init_task's pid 0 too. */
    @Override
    public ProgramThread listedThread(Program prog, long tid) {
        return taskThread(task(tid).orElseThrow(this::threadNotFound));
    }

    private ProgramThread thread(long task) {
        Map<String, Long> regs = runningRegisters().get(task);
        return regs != null ? thread(task, regs, true) : thread(task, switchedOutRegisters(task), false);
    }

    /**
     * A task not running on a CPU was switched out by __switch_to_asm, which left a struct
     * inactive_task_frame at task->thread.sp (callee-saved registers, then the return
     * address into __schedule). Unwinding starts there, with rsp past the frame; an
     * unreadable frame leaves the task without registers (its trace is then empty).
     */
    private Map<String, Long> switchedOutRegisters(long task) {
        try {
            KernelObjects k = objects();
            long sp = KernelObjects.value(k.pointer("struct task_struct *", task).deref().member("thread").member("sp"));
            DrgnObject frame = k.pointer("struct inactive_task_frame *", sp).deref();
            Map<String, Long> regs = new LinkedHashMap<>();
            for (String[] r : new String[][] {{"rbx", "bx"}, {"rbp", "bp"}, {"r12", "r12"}, {"r13", "r13"},
                    {"r14", "r14"}, {"r15", "r15"}, {"rip", "ret_addr"}}) {
                regs.put(r[0], KernelObjects.value(frame.member(r[1])));
            }
            regs.put("rsp", sp + frame.sizeof());
            return regs;
        } catch (org.jdrgn.error.DrgnException e) {
            return Map.of();
        }
    }

    /** @param running regs are a CPU's (exact pc); else a switched-out task's (a return address) */
    private ProgramThread thread(long task, Map<String, Long> regs, boolean running) {
        DrgnObject t = objects().pointer("struct task_struct *", task).deref();
        byte[] comm = t.member("comm").string();
        return new ProgramThread(KernelObjects.value(t.member("pid")), new String(comm, StandardCharsets.UTF_8), regs, running);
    }

    private long pid(long task) {
        return KernelObjects.value(objects().pointer("struct task_struct *", task).deref().member("pid"));
    }

    /** The crashed CPU: crashing_cpu, panic_cpu, else the CPU of the first NT_PRSTATUS note. */
    public long crashedCpu() {
        long cpu = Sched.crashedCpu(objects());
        if (cpu >= 0) return cpu;
        return notes.isEmpty() ? 0 : cpuOf(0);
    }

    /** The task running on the crashed CPU. */
    public Optional<Long> crashedTask() {
        return Optional.of(KernelObjects.value(Sched.cpuCurr(objects(), crashedCpu())));
    }

    @Override
    public Optional<ProgramThread> crashedThread() {
        long task = crashedTask().orElseThrow();
        for (var e : tasks().addresses().entrySet()) if (e.getValue() == task) return Optional.of(e.getKey());
        return Optional.of(thread(task)); // another CPU's idle task: on no task list
    }

    /**
     * drgn on a live kernel: a task on a CPU has no saved registers and its stack changes
     * while it is read (its switched-out frame is stale), so its stack is not unwound.
     * @throws ValueErrorException "cannot unwind stack of running task", as drgn
     */
    @Override
    public void requireUnwindable(ProgramThread t) {
        if ((prog.flags() & ProgramFlags.IS_LIVE) == 0) return;
        Optional<Long> task = task(t);
        if (task.isPresent() && onCpu(task.get())) {
            throw new org.jdrgn.error.ValueErrorException("cannot unwind stack of running task");
        }
    }

    /** task->on_cpu; without it (no CONFIG_SMP) whether the task is its CPU's current one. */
    private boolean onCpu(long task) {
        DrgnObject p = objects().pointer("struct task_struct *", task);
        try {
            return KernelObjects.value(p.deref().member("on_cpu")) != 0;
        } catch (org.jdrgn.error.LookupException e) {
            return KernelObjects.value(Sched.cpuCurr(objects(), Sched.taskCpu(p))) == task;
        }
    }

    @Override public Optional<ProgramThread> mainThread() { return Optional.empty(); }

    @Override public Optional<Symbol> symbolAt(long address) { return modules.symbolAt(address); }

    @Override public Optional<Symbol> symbolNamed(String name) { return modules.symbolNamed(name); }

    @Override
    public List<Symbol> symbols(Object addressOrName) {
        return modules.symbols(addressOrName);
    }

    @Override public Optional<LoadedModules> loadedModules() { return Optional.of(modules); }
}
