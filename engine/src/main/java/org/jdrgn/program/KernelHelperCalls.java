package org.jdrgn.program;

import java.util.List;
import org.jdrgn.error.TypeErrorException;
import org.jdrgn.error.ValueErrorException;
import org.jdrgn.linux.KernelLists;
import org.jdrgn.linux.KernelObjects;
import org.jdrgn.linux.PageTableReader;
import org.jdrgn.linux.PerCpu;
import org.jdrgn.linux.Pids;
import org.jdrgn.linux.Printk;
import org.jdrgn.linux.PrintkWire;
import org.jdrgn.linux.Sched;
import org.jdrgn.linux.TaskState;
import org.jdrgn.linux.XArray;
import org.jdrgn.program.kernel.KernelTarget;

/**
 * drgn's {@code _linux_helper_*} primitives for the language adapters: addresses and numbers
 * in, an address (Long, 0 for NULL) or an array of them out, so an adapter only has to turn
 * them into objects of the type the helper documents. Namespaces passed as 0 mean init_pid_ns.
 */
public final class KernelHelperCalls {
    private KernelHelperCalls() {}

    public static Object call(Program prog, String name, long[] args) {
        switch (name) {   // list.h walks: any program's memory, bounded, a cycle is an error
            case "list_nodes", "list_nodes_reverse" -> {
                return array(KernelLists.circular(new KernelProgramObjects(prog), arg(args, 0, name),
                        name.endsWith("reverse") ? 8 : 0, "struct list_head"));
            }
            case "hlist_nodes" -> {
                return array(KernelLists.nullTerminated(new KernelProgramObjects(prog), arg(args, 0, name),
                        arg(args, 1, name), "struct hlist_head"));
            }
            default -> { }
        }
        if ((prog.flags() & ProgramFlags.IS_LINUX_KERNEL) == 0) {
            throw new ValueErrorException(switch (name) { // drgn 0.0.22's messages where it has its own
                case "kaslr_offset", "pgtable_l5_enabled" -> "not Linux kernel";
                case "read_vm" -> "virtual address translation is only available for the Linux kernel";
                default -> name + "() is only available for the Linux kernel";
            });
        }
        KernelObjects k = new KernelProgramObjects(prog);
        return switch (name) {
            case "per_cpu_offset" -> PerCpu.offset(k, arg(args, 0, name));
            case "task_cpu" -> Sched.taskCpu(k.pointer("struct task_struct *", arg(args, 0, name)));
            case "cpu_curr" -> KernelObjects.value(Sched.cpuCurr(k, arg(args, 0, name)));
            case "idle_task" -> KernelObjects.value(Sched.idleTask(k, arg(args, 0, name)));
            case "find_pid" -> pids(k).findPid(ns(k, args), arg(args, 1, name));
            case "find_task" -> pids(k).findTask(ns(k, args), arg(args, 1, name));
            case "pid_task" -> pids(k).pidTask(arg(args, 0, name), arg(args, 1, name));
            case "for_each_pid" -> array(pids(k).forEachPid(ns(k, args)));
            case "for_each_task" -> array(pids(k).forEachTask(ns(k, args)));
            case "idr_find" -> pids(k).idrFind(arg(args, 0, name), arg(args, 1, name));
            case "xa_load" -> new XArray(k).load(arg(args, 0, name), arg(args, 1, name));
            case "xa_for_each" -> {
                // flattened (index, entry) pairs; args[1] != 0 for the advanced API (zero entries too)
                List<XArray.Entry> es = new XArray(k).entries(arg(args, 0, name), args.length > 1 && args[1] != 0);
                long[] out = new long[es.size() * 2];
                for (int i = 0; i < es.size(); i++) {
                    out[2 * i] = es.get(i).index();
                    out[2 * i + 1] = es.get(i).value();
                }
                yield out;
            }
            case "task_state_to_char" -> (long) TaskState.toChar(k.pointer("struct task_struct *", arg(args, 0, name)));
            case "get_printk_records" -> PrintkWire.pack(Printk.records(k));
            case "get_dmesg" -> Printk.dmesg(k); // bytes, as read_vm
            case "thread_task" -> target(prog).task(arg(args, 0, name)).orElse(0L);
            case "crashed_cpu" -> target(prog).crashedCpu();
            case "direct_mapping_offset" -> target(prog).memory().pageOffsetBase();
            case "kaslr_offset" -> target(prog).memory().kaslrOffset();
            case "pgtable_l5_enabled" -> target(prog).memory().pageTable().levels() == 5 ? 1L : 0L;
            // args: pgtable (kernel virtual address of the top table), address, size; bytes out
            case "read_vm" -> new PageTableReader(target(prog).memory(), arg(args, 0, name))
                    .read(arg(args, 1, name), arg(args, 2, name));
            default -> throw new ValueErrorException("unknown kernel helper " + name);
        };
    }

    /** The task_struct address of a thread of a kernel program (exact even for the idle tasks' tid 0), else null. */
    public static Long threadTask(Program prog, ProgramThread thread) {
        return prog.target() instanceof KernelTarget t ? t.task(thread).orElse(null) : null;
    }

    private static KernelTarget target(Program prog) {
        if (prog.target() instanceof KernelTarget t) return t;
        throw new ValueErrorException("program has no kernel threads");
    }

    private static Pids pids(KernelObjects k) { return new Pids(k); }

    private static long ns(KernelObjects k, long[] args) {
        long ns = arg(args, 0, "pid namespace");
        return ns != 0 ? ns : new Pids(k).initPidNs();
    }

    private static long arg(long[] args, int i, String name) {
        if (args == null || args.length <= i) throw new TypeErrorException(name + "() missing argument " + (i + 1));
        return args[i];
    }

    private static long[] array(List<Long> list) { return list.stream().mapToLong(Long::longValue).toArray(); }
}
