package org.jdrgn.linux;

import java.util.ArrayList;
import java.util.List;
import org.jdrgn.error.LookupException;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.types.Type;

/**
 * Process IDs (kernel/pid.c): a namespace's IDR maps numbers to struct pid, and a pid's
 * {@code tasks[type]} hlist links the tasks using it through {@code task_struct.pid_links}.
 * Addresses in, addresses out (0 for none), as drgn's find_pid/pid_task/find_task.
 */
public final class Pids {
    private final KernelObjects k;
    private final XArray xarray;
    private final long nsIdrOff, idrRtOff, idrBaseOff, pidTasksOff, pidLinksOff, hlistNodeSize;

    public Pids(KernelObjects k) {
        this.k = k;
        this.xarray = new XArray(k);
        var ctx = k.context();
        Type ns = ctx.type("struct pid_namespace").underlying();
        Type idr = ctx.type("struct idr").underlying();
        Type task = ctx.type("struct task_struct").underlying();
        nsIdrOff = ctx.member(ns, "idr").offset();
        idrRtOff = ctx.member(idr, "idr_rt").offset();
        idrBaseOff = ctx.member(idr, "idr_base").offset();
        pidTasksOff = ctx.member(ctx.type("struct pid").underlying(), "tasks").offset();
        pidLinksOff = ctx.member(task, "pid_links").offset();
        hlistNodeSize = ctx.type("struct hlist_node").sizeof();
    }

    /** &init_pid_ns. */
    public long initPidNs() {
        Long a = k.object("init_pid_ns").address();
        if (a == null) throw new LookupException("init_pid_ns has no address");
        return a;
    }

    /** The value of the enumerator PIDTYPE_PID (0 in every kernel so far). */
    public long pidTypePid() { return KernelObjects.value(k.object("PIDTYPE_PID")); }

    private long idrBase(long idr) {
        byte[] b = new byte[4];
        k.context().read(idr + idrBaseOff, b, 0, 4);
        return (b[0] & 0xffL) | (b[1] & 0xffL) << 8 | (b[2] & 0xffL) << 16 | (b[3] & 0xffL) << 24;
    }

    /** drgn's idr_find(idr, id): the entry or 0. */
    public long idrFind(long idr, long id) {
        long base = idrBase(idr);
        if (Long.compareUnsigned(id, base) < 0) return 0;
        long e = xarray.load(idr + idrRtOff, id - base);
        return e == XArray.ZERO_ENTRY ? 0 : e;
    }

    /** drgn's find_pid(ns, nr): the struct pid address or 0. */
    public long findPid(long ns, long nr) { return idrFind(ns + nsIdrOff, nr); }

    /** drgn's pid_task(pid, type): the first task using the pid as that type, or 0. */
    public long pidTask(long pid, long type) {
        if (pid == 0) return 0;
        long first = k.readU64(pid + pidTasksOff + 8 * type);
        return first == 0 ? 0 : first - (pidLinksOff + hlistNodeSize * type);
    }

    /** drgn's find_task(ns, pid): the task with that PID in the namespace, or 0. */
    public long findTask(long ns, long nr) { return pidTask(findPid(ns, nr), pidTypePid()); }

    /** drgn's for_each_pid(ns): struct pid addresses in PID order. */
    public List<Long> forEachPid(long ns) {
        List<Long> out = new ArrayList<>();
        for (XArray.Entry e : xarray.entries(ns + nsIdrOff + idrRtOff, false)) out.add(e.value());
        return out;
    }

    /** drgn's for_each_task(ns): the tasks of every PID in the namespace (PIDTYPE_PID), in PID order. */
    public List<Long> forEachTask(long ns) {
        long type = pidTypePid();
        List<Long> out = new ArrayList<>();
        for (long pid : forEachPid(ns)) {
            long t = pidTask(pid, type);
            if (t != 0) out.add(t);
        }
        return out;
    }

    /** The task as a {@code struct task_struct *} object. */
    public DrgnObject taskObject(long task) { return k.pointer("struct task_struct *", task); }
}
