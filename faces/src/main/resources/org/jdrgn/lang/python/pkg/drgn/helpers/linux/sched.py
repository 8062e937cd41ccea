"""CPU scheduler (drgn.helpers.linux.sched), over org.jdrgn.linux.helpers."""

from drgn.helpers.common.prog import takes_program_or_default
from drgn.helpers.linux._kernel import call

__all__ = ("cpu_curr", "cpu_rq", "get_task_state", "idle_task", "loadavg", "task_cpu", "task_on_cpu", "task_rq",
           "task_state_to_char", "task_thread_info", "thread_group_leader")


def task_cpu(task):
    """The CPU number a ``struct task_struct *`` is on (int)."""
    return call(task.prog_, "task_cpu", task)


@takes_program_or_default
def cpu_curr(prog, cpu):
    """The ``struct task_struct *`` running on ``cpu`` (its runqueue's curr)."""
    return call(prog, "cpu_curr", cpu)


@takes_program_or_default
def idle_task(prog, cpu):
    """The idle ``struct task_struct *`` of ``cpu``."""
    return call(prog, "idle_task", cpu)


def task_state_to_char(task):
    """The state of a ``struct task_struct *`` as ps(1)'s letter ('R' for running, ...)."""
    return call(task.prog_, "task_state_to_char", task).decode()


_STATE_NAMES = {"R": "R (running)", "S": "S (sleeping)", "D": "D (disk sleep)", "T": "T (stopped)",
                "t": "t (tracing stop)", "X": "X (dead)", "Z": "Z (zombie)", "P": "P (parked)", "I": "I (idle)"}


def get_task_state(task):
    """The state of a task as /proc/PID/status words it: "R (running)", "S (sleeping)", ..."""
    c = task_state_to_char(task)
    return _STATE_NAMES.get(c, c)


@takes_program_or_default
def loadavg(prog):
    """The 1, 5 and 15 minute load averages (floats; avenrun is fixed point with 11 fraction bits)."""
    avenrun = prog["avenrun"]
    return tuple(avenrun[i].value_() / (1 << 11) for i in range(3))


@takes_program_or_default
def cpu_rq(prog, cpu):
    """The runqueue (``struct rq *``) of a CPU."""
    from drgn.helpers.linux.percpu import per_cpu
    return per_cpu(prog["runqueues"], cpu).address_of_()


def task_rq(task):
    """The runqueue (``struct rq *``) of the CPU a task is on."""
    return cpu_rq(task.prog_, task_cpu(task))


def task_on_cpu(task):
    """Whether a task is running on a CPU right now (its on_cpu flag)."""
    return bool(task.on_cpu)


def task_thread_info(task):
    """The ``struct thread_info *`` of a task (inside the task with CONFIG_THREAD_INFO_IN_TASK)."""
    from drgn import cast
    if hasattr(task, "thread_info"):
        return task.thread_info.address_of_()
    return cast("struct thread_info *", task.stack)


def thread_group_leader(task):
    """Whether a task leads its thread group."""
    return task.exit_signal.value_() >= 0
