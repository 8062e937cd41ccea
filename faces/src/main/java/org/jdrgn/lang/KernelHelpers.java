package org.jdrgn.lang;

import java.util.List;
import org.jdrgn.error.ValueErrorException;
import org.jdrgn.linux.KernelObjects;
import org.jdrgn.linux.PerCpu;
import org.jdrgn.linux.Pids;
import org.jdrgn.linux.Printk;
import org.jdrgn.linux.PrintkRecord;
import org.jdrgn.linux.Sched;
import org.jdrgn.linux.TaskState;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.program.KernelProgramObjects;
import org.jdrgn.program.Program;
import org.jdrgn.program.ProgramFlags;

/**
 * drgn's Linux helpers that take and return objects (per_cpu, per_cpu_ptr, task_cpu, cpu_curr,
 * idle_task, get_dmesg, get_printk_records, for_each_task, find_task, task_state_to_char), over
 * org.jdrgn.linux, for adapters that pass objects rather than addresses.
 */
public final class KernelHelpers {
    private KernelHelpers() {}

    private static KernelObjects kernel(Program prog, String helper) {
        if ((prog.flags() & ProgramFlags.IS_LINUX_KERNEL) == 0) {
            throw new ValueErrorException(helper + "() is only available for the Linux kernel");
        }
        return new KernelProgramObjects(prog);
    }

    /** per_cpu_ptr(ptr, cpu): the same pointer type, moved to CPU {@code cpu}'s copy. */
    public static DrgnObject perCpuPtr(Program prog, DrgnObject ptr, long cpu) {
        return PerCpu.ptr(kernel(prog, "per_cpu_ptr"), ptr, cpu);
    }

    /** per_cpu(var, cpu): CPU {@code cpu}'s copy of a per-CPU variable (a reference). */
    public static DrgnObject perCpu(Program prog, DrgnObject var, long cpu) {
        return PerCpu.of(kernel(prog, "per_cpu"), var, cpu);
    }

    /** task_cpu(task) of a {@code struct task_struct *}. */
    public static long taskCpu(Program prog, DrgnObject task) {
        kernel(prog, "task_cpu");
        return Sched.taskCpu(task);
    }

    /** cpu_curr(prog, cpu): the {@code struct task_struct *} running on the CPU. */
    public static DrgnObject cpuCurr(Program prog, long cpu) {
        return Sched.cpuCurr(kernel(prog, "cpu_curr"), cpu);
    }

    /** get_dmesg(prog): the kernel log as dmesg(1) prints it. */
    public static byte[] dmesg(Program prog) {
        return Printk.dmesg(kernel(prog, "get_dmesg"));
    }

    /** get_printk_records(prog): the kernel log's records, oldest first. */
    public static List<PrintkRecord> printkRecords(Program prog) {
        return Printk.records(kernel(prog, "get_printk_records"));
    }

    /** for_each_task(prog): every {@code struct task_struct *} of init_pid_ns, in PID order. */
    public static List<DrgnObject> forEachTask(Program prog) {
        var pids = new Pids(kernel(prog, "for_each_task"));
        return pids.forEachTask(pids.initPidNs()).stream().map(pids::taskObject).toList();
    }

    /** find_task(prog, pid): the {@code struct task_struct *} with that PID in init_pid_ns, or NULL. */
    public static DrgnObject findTask(Program prog, long pid) {
        var pids = new Pids(kernel(prog, "find_task"));
        return pids.taskObject(pids.findTask(pids.initPidNs(), pid));
    }

    /** task_state_to_char(task): ps(1)'s state letter of a {@code struct task_struct *}. */
    public static String taskStateToChar(Program prog, DrgnObject task) {
        kernel(prog, "task_state_to_char");
        return String.valueOf(TaskState.toChar(task));
    }

    /** idle_task(prog, cpu): the CPU's idle {@code struct task_struct *}. */
    public static DrgnObject idleTask(Program prog, long cpu) {
        return Sched.idleTask(kernel(prog, "idle_task"), cpu);
    }
}
