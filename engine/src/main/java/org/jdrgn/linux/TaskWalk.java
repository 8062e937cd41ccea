package org.jdrgn.linux;

import java.util.ArrayList;
import java.util.List;
import org.jdrgn.error.LookupException;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.types.Type;

/**
 * Every task (thread) of the kernel, as drgn's prog.threads() lists them: the process list
 * from {@code init_task.tasks} with each process followed by the other threads of its group,
 * and init_task (the boot CPU's idle task) last. The idle tasks of other CPUs are on no list.
 */
public final class TaskWalk {
    private TaskWalk() {}

    /** Addresses of the task_structs. */
    public static List<Long> allThreads(KernelObjects k) {
        DrgnObject init = k.object("init_task");
        Long initAddr = init.address();
        if (initAddr == null) throw new LookupException("init_task has no address");
        Type task = init.type();
        long tasksOff = k.context().member(task.underlying(), "tasks").offset();
        ThreadList threads = ThreadList.of(k, task);
        List<Long> out = new ArrayList<>();
        for (long node : KernelLists.nodes(k, initAddr + tasksOff, "init_task.tasks")) {
            threads.addGroup(node - tasksOff, out);
        }
        threads.addGroup(initAddr, out);
        return out;
    }

    /**
     * A thread group's members: {@code task->thread_group} (until Linux 6.7), else
     * {@code task->signal->thread_head} linked through {@code thread_node}.
     */
    private record ThreadList(KernelObjects k, long groupOff, long signalOff, long headOff, long nodeOff) {
        static ThreadList of(KernelObjects k, Type task) {
            var ctx = k.context();
            try {
                return new ThreadList(k, ctx.member(task.underlying(), "thread_group").offset(), -1, -1, -1);
            } catch (LookupException e) {
                Type signal = ctx.type("struct signal_struct");
                return new ThreadList(k, -1, ctx.member(task.underlying(), "signal").offset(),
                        ctx.member(signal.underlying(), "thread_head").offset(),
                        ctx.member(task.underlying(), "thread_node").offset());
            }
        }

        void addGroup(long leader, List<Long> out) {
            out.add(leader);
            if (groupOff >= 0) {
                for (long n : KernelLists.nodes(k, leader + groupOff, "thread_group")) out.add(n - groupOff);
                return;
            }
            long signal = k.readU64(leader + signalOff);
            if (signal == 0) return;
            for (long n : KernelLists.nodes(k, signal + headOff, "signal->thread_head")) {
                if (n - nodeOff != leader) out.add(n - nodeOff);
            }
        }
    }
}
