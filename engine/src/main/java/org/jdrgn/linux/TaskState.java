package org.jdrgn.linux;

import org.jdrgn.error.LookupException;
import org.jdrgn.objects.DrgnObject;

/**
 * A task's state as ps(1) shows it (include/linux/sched.h task_state_index, Linux 4.14+): the
 * reportable bits of the state and exit state, the highest one set picks a letter; TASK_IDLE
 * (uninterruptible + noload) reads I, and an rtlock waiter reads D.
 */
public final class TaskState {
    private TaskState() {}

    private static final String CHARS = "RSDTtXZPI";
    private static final long TASK_REPORT = 0x7f, TASK_UNINTERRUPTIBLE = 2, TASK_NOLOAD = 0x400,
            TASK_IDLE = TASK_UNINTERRUPTIBLE | TASK_NOLOAD, TASK_RTLOCK_WAIT = 0x1000;

    /** drgn's task_state_to_char(task) of a {@code struct task_struct *}. */
    public static char toChar(DrgnObject task) {
        DrgnObject t = task.deref();
        DrgnObject stateObj;
        try {
            stateObj = t.member("__state"); // renamed in Linux 5.14
        } catch (LookupException e) {
            stateObj = t.member("state");
        }
        long state = KernelObjects.value(stateObj) & 0xffffffffL;
        long exitState = KernelObjects.value(t.member("exit_state")) & 0xffffffffL;
        return toChar(state, exitState);
    }

    /** The letter for raw {@code __state} and {@code exit_state} values. */
    public static char toChar(long state, long exitState) {
        long report = (state | exitState) & TASK_REPORT;
        if ((state & TASK_IDLE) == TASK_IDLE) report = TASK_REPORT + 1;
        if ((state & TASK_RTLOCK_WAIT) != 0) report = TASK_UNINTERRUPTIBLE;
        int index = 64 - Long.numberOfLeadingZeros(report); // fls()
        return CHARS.charAt(index);
    }
}
