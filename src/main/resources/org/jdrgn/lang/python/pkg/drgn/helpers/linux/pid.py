"""Process IDs (drgn.helpers.linux.pid), adapted to jdrgn's Java helpers."""

from drgn import Object
from drgn.helpers.linux import _kernel

__all__ = ("find_pid", "find_task", "for_each_pid", "for_each_task", "pid_task")


def find_pid(prog_or_ns, pid):
    """The ``struct pid *`` of a PID number in a namespace (the initial one for a Program), or NULL."""
    prog, ns = _kernel.prog_and_ns(prog_or_ns)
    return Object(prog, "struct pid *", value=_kernel.call(prog, "find_pid", ns, pid))


def find_task(prog_or_ns, pid):
    """The ``struct task_struct *`` with a PID in a namespace (the initial one for a Program), or NULL."""
    prog, ns = _kernel.prog_and_ns(prog_or_ns)
    return _kernel.task(prog, _kernel.call(prog, "find_task", ns, pid))


def pid_task(pid, pid_type):
    """The first ``struct task_struct *`` using a ``struct pid *`` as ``pid_type``, or NULL."""
    prog = pid.prog_
    return _kernel.task(prog, _kernel.call(prog, "pid_task", pid.value_(), int(pid_type)))


def for_each_pid(prog_or_ns):
    """Every ``struct pid *`` of a namespace, in PID order."""
    prog, ns = _kernel.prog_and_ns(prog_or_ns)
    for address in _kernel.call(prog, "for_each_pid", ns):
        yield Object(prog, "struct pid *", value=address)


def for_each_task(prog_or_ns):
    """Every task (``struct task_struct *``) visible in a namespace, in PID order."""
    prog, ns = _kernel.prog_and_ns(prog_or_ns)
    for address in _kernel.call(prog, "for_each_task", ns):
        yield _kernel.task(prog, address)
