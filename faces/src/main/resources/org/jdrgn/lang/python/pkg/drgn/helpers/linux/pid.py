"""Process IDs (drgn.helpers.linux.pid), adapted to jdrgn's Java helpers."""

from drgn import Object
from drgn.helpers.common.prog import takes_object_or_program_or_default
from drgn.helpers.linux import _kernel

__all__ = ("find_pid", "find_task", "for_each_pid", "for_each_task", "pid_task")


@takes_object_or_program_or_default
def find_pid(prog, ns, pid):
    """The ``struct pid *`` of a PID number in a namespace (the initial one for a Program), or NULL."""
    ns = _ns(ns)
    return Object(prog, "struct pid *", value=_kernel.call(prog, "find_pid", ns, pid))


@takes_object_or_program_or_default
def find_task(prog, ns, pid):
    """The ``struct task_struct *`` with a PID in a namespace (the initial one for a Program), or NULL."""
    ns = _ns(ns)
    return _kernel.task(prog, _kernel.call(prog, "find_task", ns, pid))


def _ns(ns):
    """The namespace address Java takes: 0 for the initial namespace (ns None)."""
    return 0 if ns is None else ns.value_()


def pid_task(pid, pid_type):
    """The first ``struct task_struct *`` using a ``struct pid *`` as ``pid_type``, or NULL."""
    prog = pid.prog_
    return _kernel.task(prog, _kernel.call(prog, "pid_task", pid.value_(), int(pid_type)))


@takes_object_or_program_or_default
def for_each_pid(prog, ns):
    """Every ``struct pid *`` of a namespace, in PID order."""
    ns = _ns(ns)
    for address in _kernel.call(prog, "for_each_pid", ns):
        yield Object(prog, "struct pid *", value=address)


@takes_object_or_program_or_default
def for_each_task(prog, ns):
    """Every task (``struct task_struct *``) visible in a namespace, in PID order."""
    ns = _ns(ns)
    for address in _kernel.call(prog, "for_each_task", ns):
        yield _kernel.task(prog, address)
