"""CPU scheduler (drgn.helpers.linux.sched), over org.jdrgn.linux.helpers."""

from drgn.helpers.common.prog import takes_program_or_default
from drgn.helpers.linux._kernel import call

__all__ = ("cpu_curr", "idle_task", "task_cpu", "task_state_to_char")


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
