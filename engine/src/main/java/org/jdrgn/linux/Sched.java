package org.jdrgn.linux;

import org.jdrgn.error.LookupException;
import org.jdrgn.objects.DrgnObject;

/** Scheduler state (kernel/sched): which CPU a task is on, and each CPU's current and idle task. */
public final class Sched {
    private Sched() {}

    /**
     * drgn's task_cpu(task): {@code task->cpu} (Linux 5.16+), else {@code task->thread_info.cpu}
     * (CONFIG_THREAD_INFO_IN_TASK before 5.16).
     */
    public static long taskCpu(DrgnObject task) {
        DrgnObject t = task.deref();
        try {
            return KernelObjects.value(t.member("cpu"));
        } catch (LookupException e) {
            return KernelObjects.value(t.member("thread_info").member("cpu"));
        }
    }

    /** {@code per_cpu(runqueues, cpu).curr}: the task running on the CPU (struct task_struct *). */
    public static DrgnObject cpuCurr(KernelObjects k, long cpu) {
        return PerCpu.of(k, "runqueues", cpu).member("curr").read();
    }

    /** drgn's idle_task(prog, cpu): {@code per_cpu(runqueues, cpu).idle}. */
    public static DrgnObject idleTask(KernelObjects k, long cpu) {
        return PerCpu.of(k, "runqueues", cpu).member("idle").read();
    }

    /** nr_cpu_ids, or 1 when the kernel has no such variable (uniprocessor). */
    public static long nrCpuIds(KernelObjects k) {
        try {
            return KernelObjects.value(k.object("nr_cpu_ids"));
        } catch (LookupException e) {
            return 1;
        }
    }

    /**
     * The CPU that crashed: {@code crashing_cpu} (set by the kdump path), else
     * {@code panic_cpu} (set by panic(); QEMU's dumps of a panicked guest have only this),
     * else -1 (a dump of a running system).
     */
    public static long crashedCpu(KernelObjects k) {
        for (String name : new String[] {"crashing_cpu", "panic_cpu"}) {
            try {
                DrgnObject o = k.object(name);
                if (o.type().underlying() instanceof org.jdrgn.types.CompoundType) o = o.member("counter");
                long cpu = o.toInt().longValue();
                if (cpu >= 0) return cpu;
            } catch (LookupException e) {
                // older or differently configured kernels lack one of them
            }
        }
        return -1;
    }
}
