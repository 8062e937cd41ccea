package org.jdrgn.linux.helpers;

import java.util.ArrayList;
import java.util.List;
import org.jdrgn.linux.PageTableReader;
import org.jdrgn.linux.PerCpu;
import org.jdrgn.linux.Pids;
import org.jdrgn.linux.Printk;
import org.jdrgn.linux.PrintkRecord;
import org.jdrgn.linux.Sched;
import org.jdrgn.linux.TaskState;
import org.jdrgn.linux.XArray;
import org.jdrgn.objects.DrgnObject;

/**
 * The helpers drgn 0.0.22 builds on its C primitives: per-CPU, sched, pid, idr, xarray, boot,
 * printk, page-table reads; plus the faces' own kernel needs (thread_task).
 */
final class CoreHelpers {
    private CoreHelpers() {}

    static void register(HelperRegistry.Table t) {
        t.prog("per_cpu_offset", a -> HelperArgs.unsigned(PerCpu.offset(a.kernel(), a.lng(0))));
        t.obj("per_cpu_ptr", a -> PerCpu.ptr(a.kernel(), a.obj(0), a.lng(1)));
        t.obj("per_cpu", a -> PerCpu.of(a.kernel(), a.obj(0), a.lng(1)));
        t.obj("task_cpu", a -> Sched.taskCpu(a.obj(0)));
        t.prog("cpu_curr", a -> Sched.cpuCurr(a.kernel(), a.lng(0)));
        t.prog("idle_task", a -> Sched.idleTask(a.kernel(), a.lng(0)));
        t.obj("task_state_to_char", a -> new byte[] {(byte) TaskState.toChar(a.obj(0))});

        t.objOrProg("find_pid", a -> pidObj(a, pids(a).findPid(ns(a), a.lng(1))));
        t.objOrProg("find_task", a -> task(a, pids(a).findTask(ns(a), a.lng(1))));
        t.obj("pid_task", a -> task(a, pids(a).pidTask(Objs.val(a.obj(0)), a.lng(1))));
        t.objOrProg("for_each_pid", a -> {
            List<DrgnObject> out = new ArrayList<>();
            for (long p : pids(a).forEachPid(ns(a))) out.add(pidObj(a, p));
            return out;
        });
        t.objOrProg("for_each_task", a -> {
            List<DrgnObject> out = new ArrayList<>();
            for (long p : pids(a).forEachTask(ns(a))) out.add(task(a, p));
            return out;
        });

        t.obj("idr_find", a -> voidPtr(a, pids(a).idrFind(Objs.val(a.obj(0)), a.lng(1))));
        t.obj("idr_for_each", a -> {
            DrgnObject idr = a.obj(0);
            long base = Objs.val(idr.member("idr_base"));
            List<Object> out = new ArrayList<>();
            for (XArray.Entry e : new XArray(a.kernel()).entries(Objs.val(idr.member("idr_rt").addressOf()), false)) {
                out.add(Objs.pair(e.index() + base, voidPtr(a, e.value())));
            }
            return out;
        });
        // xa_load(xa, index, advanced=False): a zero entry reads as NULL unless advanced
        t.obj("xa_load", a -> {
            long e = new XArray(a.kernel()).load(Objs.val(a.obj(0)), a.lng(1));
            return voidPtr(a, e == XArray.ZERO_ENTRY && !a.bool(2, false) ? 0 : e);
        });
        t.obj("xa_for_each", a -> {
            List<Object> out = new ArrayList<>();
            for (XArray.Entry e : new XArray(a.kernel()).entries(Objs.val(a.obj(0)), a.bool(1, false))) {
                out.add(Objs.pair(HelperArgs.unsigned(e.index()), voidPtr(a, e.value())));
            }
            return out;
        });

        t.prog("get_dmesg", a -> Printk.dmesg(a.kernel()));
        t.prog("get_printk_records", a -> {
            List<Object> out = new ArrayList<>();
            for (PrintkRecord r : Printk.records(a.kernel())) out.add(record(r));
            return out;
        });

        t.add(new Helper("kaslr_offset", Helper.Shape.PROGRAM, true, "not Linux kernel",
                a -> HelperArgs.unsigned(a.kernel().memory().kaslrOffset())));
        t.add(new Helper("pgtable_l5_enabled", Helper.Shape.PROGRAM, true, "not Linux kernel",
                a -> a.kernel().memory().pageTable().levels() == 5));
        t.add(new Helper("direct_mapping_offset", Helper.Shape.PROGRAM, true, null,
                a -> HelperArgs.unsigned(a.kernel().memory().pageOffsetBase())));
        // read_vm(pgtable, address, size): bytes of the address space whose top table is pgtable
        t.add(new Helper("read_vm", Helper.Shape.PROGRAM, true, "virtual address translation is only available for the Linux kernel",
                a -> new PageTableReader(a.kernel().memory(), a.lng(0)).read(a.lng(1), a.lng(2))));
        t.prog("thread_task", a -> task(a, a.kernel().threadTask(a.lng(0)).orElse(0L)));
        t.prog("crashed_cpu", a -> a.kernel().crashedCpu());
    }

    private static Pids pids(HelperArgs a) { return new Pids(a.kernel()); }

    /** The namespace argument 0: its address, or init_pid_ns for a Program (null). */
    private static long ns(HelperArgs a) {
        DrgnObject ns = a.objOrNull(0);
        return ns != null ? Objs.val(ns) : pids(a).initPidNs();
    }

    static DrgnObject task(HelperArgs a, long address) { return a.kernel().pointer("struct task_struct *", address); }

    private static DrgnObject pidObj(HelperArgs a, long address) { return a.kernel().pointer("struct pid *", address); }

    static DrgnObject voidPtr(HelperArgs a, long address) { return a.kernel().pointer("void *", address); }

    /** A PrintkRecord as drgn's fields: text, facility, level, seq, timestamp, caller_tid, caller_cpu, continuation, context pairs. */
    private static List<Object> record(PrintkRecord r) {
        List<Object> ctx = new ArrayList<>();
        // drgn's order: the kernel's dictionary order, SUBSYSTEM before DEVICE
        r.context().entrySet().stream().sorted(java.util.Comparator.comparing(
                        (java.util.Map.Entry<String, byte[]> e) -> !e.getKey().equals("SUBSYSTEM")).thenComparing(java.util.Map.Entry::getKey))
                .forEach(e -> ctx.add(Objs.pair(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8), e.getValue())));
        return new ArrayList<>(java.util.Arrays.asList(r.text(), (long) r.facility(), (long) r.level(),
                HelperArgs.unsigned(r.seq()), HelperArgs.unsigned(r.timestamp()),
                r.callerTid(), r.callerCpu(),
                r.continuation(), ctx));
    }
}
