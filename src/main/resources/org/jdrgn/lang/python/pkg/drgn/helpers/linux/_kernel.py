"""The bridge of the Linux helpers to the Java engine (org.jdrgn.program.KernelHelperCalls).

Java takes and returns addresses and numbers; these functions turn them into the objects
drgn's helpers return. No kernel semantics live here.
"""

from _drgn import _s64, _u64
from drgn import Object, Program


def call(prog, name, *args):
    """Calls a Java kernel helper; a Long result comes back unsigned, an array as a list."""
    result = prog.jKernelHelper(name, [_s64(a & 0xFFFFFFFFFFFFFFFF) for a in args])
    if isinstance(result, int):
        return _u64(result)
    if isinstance(result, str):  # bytes from Java arrive as a Latin-1 str (get_dmesg, read_vm)
        return result.encode("latin-1")
    return [_u64(v) for v in result]


def prog_and_ns(prog_or_ns):
    """(prog, namespace address) from a Program (init_pid_ns, passed as 0) or a struct pid_namespace *."""
    if isinstance(prog_or_ns, Program):
        return prog_or_ns, 0
    return prog_or_ns.prog_, prog_or_ns.value_()


def task(prog, address):
    return Object(prog, "struct task_struct *", value=address)


def thread_object(thread):
    """Thread.object of a kernel thread: its ``struct task_struct *``."""
    return task(thread.prog, call(thread.prog, "thread_task", thread.tid))
