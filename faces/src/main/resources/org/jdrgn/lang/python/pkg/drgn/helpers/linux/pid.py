"""Process IDs (drgn.helpers.linux.pid), over org.jdrgn.linux.helpers."""

from drgn.helpers.common.prog import takes_object_or_program_or_default
from drgn.helpers.linux._kernel import call

__all__ = ("find_pid", "find_task", "for_each_pid", "for_each_task", "pid_task")


@takes_object_or_program_or_default
def find_pid(prog, ns, pid):
    """The ``struct pid *`` of a PID number in a namespace (the initial one for a Program), or NULL."""
    return call(prog, "find_pid", ns, pid)


@takes_object_or_program_or_default
def find_task(prog, ns, pid):
    """The ``struct task_struct *`` with a PID in a namespace (the initial one for a Program), or NULL."""
    return call(prog, "find_task", ns, pid)


def pid_task(pid, pid_type):
    """The first ``struct task_struct *`` using a ``struct pid *`` as ``pid_type``, or NULL."""
    return call(pid.prog_, "pid_task", pid, pid_type)


@takes_object_or_program_or_default
def for_each_pid(prog, ns):
    """Every ``struct pid *`` of a namespace, in PID order."""
    yield from call(prog, "for_each_pid", ns)


@takes_object_or_program_or_default
def for_each_task(prog, ns):
    """Every task (``struct task_struct *``) visible in a namespace, in PID order."""
    yield from call(prog, "for_each_task", ns)
