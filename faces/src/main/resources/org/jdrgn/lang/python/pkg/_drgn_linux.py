"""drgn's ``_linux_helper_*`` primitives (drgn 0.0.22's _drgn.pyi) and the one bridge of all
Linux helpers to Java (``_call``: org.jdrgn.lang.KernelHelpers over org.jdrgn.linux.helpers).

Loaded by _drgn (``from _drgn_linux import *``), so drgn's own pure-Python helpers
(``from _drgn import _linux_helper_find_task as find_task`` ...) run on jdrgn unchanged.
Adapters only: argument checks as drgn's C binding makes them, then Java computes the object.
"""

import operator

__all__ = (
    "_linux_helper_cpu_curr",
    "_linux_helper_direct_mapping_offset",
    "_linux_helper_find_pid",
    "_linux_helper_find_task",
    "_linux_helper_idle_task",
    "_linux_helper_idr_find",
    "_linux_helper_kaslr_offset",
    "_linux_helper_per_cpu_ptr",
    "_linux_helper_pgtable_l5_enabled",
    "_linux_helper_pid_task",
    "_linux_helper_read_vm",
    "_linux_helper_task_cpu",
    "_linux_helper_xa_load",
)

_M64 = 0xFFFFFFFFFFFFFFFF


def _d():
    import _drgn as d                          # imported late: _drgn imports this module at its end
    return d


def _arg(a, d):
    if a is None or isinstance(a, (d.Object, d.Type, bool, str, bytes)):
        return a
    return d._s64(operator.index(a) & _M64)


def _py(r):
    """A Java result as Python: bytes cross as Latin-1 str, lists as foreign arrays."""
    if r is None or isinstance(r, (int, bool)):
        return r
    if isinstance(r, str):
        return r.encode("latin-1")
    if isinstance(r, _d().Object):
        return r
    return [_py(x) for x in r]


def _call(prog, name, *args):
    """The Linux helper ``name`` of org.jdrgn.linux.helpers on prog (the program is not an argument)."""
    d = _d()
    shape, r = prog.jKernelHelper(name, [_arg(a, d) for a in args])
    if shape == 0:
        return r
    if shape == 1:
        return r.encode("latin-1")
    if shape == 2:
        return list(r)
    return _py(r)


# fn: the helper's public name (drgn's messages say "task_cpu()", not "_linux_helper_task_cpu()")
def _prog(prog, fn):
    if not isinstance(prog, _d().Program):
        raise TypeError(f"{fn}() argument 1 must be _drgn.Program, not {type(prog).__name__}")
    return prog


def _obj(obj, fn, what):
    if not isinstance(obj, _d().Object):
        raise TypeError(f"{fn}() argument {what} must be _drgn.Object, not {type(obj).__name__}")
    return obj


def _prog_and_ns(prog_or_ns, fn):
    """(prog, namespace Object or None): a Program means init_pid_ns."""
    d = _d()
    if isinstance(prog_or_ns, d.Program):
        return prog_or_ns, None
    if isinstance(prog_or_ns, d.Object):
        return prog_or_ns.prog_, prog_or_ns
    raise TypeError(f"expected Program or Object, not {type(prog_or_ns).__name__}")


def _linux_helper_direct_mapping_offset(prog):
    """The virtual address of physical address 0 in the kernel's direct map (PAGE_OFFSET)."""
    if not isinstance(prog, _d().Program):
        raise TypeError(f"expected Program, not {type(prog).__name__}")
    return _call(prog, "direct_mapping_offset")


def _linux_helper_read_vm(prog, pgtable, address, size):
    """size bytes at address of the address space whose top page table is pgtable (a pgd_t *)."""
    _prog(prog, "read_vm")
    table = operator.index(pgtable)            # a pgd_t * Object or an address, as drgn takes it
    size = operator.index(size)
    if size < 0:
        raise ValueError("negative size")
    return _call(prog, "read_vm", table, address, size)


def _linux_helper_xa_load(xa, index):
    """The raw ``void *`` entry at index of a ``struct xarray *`` (XA_ZERO_ENTRY included)."""
    return _call(_obj(xa, "xa_load", 1).prog_, "xa_load", xa, index, True)


def _linux_helper_per_cpu_ptr(ptr, cpu):
    """The per-CPU pointer ptr moved to CPU cpu's copy (same type)."""
    return _call(_obj(ptr, "per_cpu_ptr", 1).prog_, "per_cpu_ptr", ptr, cpu)


def _linux_helper_cpu_curr(prog, cpu):
    """The ``struct task_struct *`` running on cpu (later drgn versions; not in 0.0.22)."""
    return _call(_prog(prog, "cpu_curr"), "cpu_curr", cpu)


def _linux_helper_idle_task(prog, cpu):
    """The idle thread (PID 0, swapper) of cpu: a ``struct task_struct *``."""
    return _call(_prog(prog, "idle_task"), "idle_task", cpu)


def _linux_helper_task_cpu(task):
    """The CPU number a ``struct task_struct *`` last ran on."""
    return _call(_obj(task, "task_cpu", 1).prog_, "task_cpu", task)


def _linux_helper_idr_find(idr, id):
    """The ``void *`` entry of id in a ``struct idr *``, or NULL."""
    return _call(_obj(idr, "idr_find", 1).prog_, "idr_find", idr, id)


def _linux_helper_find_pid(prog_or_ns, pid):
    """The ``struct pid *`` of a PID number (in init_pid_ns for a Program), or NULL."""
    prog, ns = _prog_and_ns(prog_or_ns, "find_pid")
    return _call(prog, "find_pid", ns, pid)


def _linux_helper_pid_task(pid, pid_type):
    """The first ``struct task_struct *`` using a ``struct pid *`` as pid_type, or NULL."""
    return _call(_obj(pid, "pid_task", 1).prog_, "pid_task", pid, pid_type)


def _linux_helper_find_task(prog_or_ns, pid):
    """The ``struct task_struct *`` with a PID number (in init_pid_ns for a Program), or NULL."""
    prog, ns = _prog_and_ns(prog_or_ns, "find_task")
    return _call(prog, "find_task", ns, pid)


def _linux_helper_kaslr_offset(prog):
    """The kernel's KASLR slide (0 when it is disabled)."""
    return _call(_prog(prog, "kaslr_offset"), "kaslr_offset")


def _linux_helper_pgtable_l5_enabled(prog):
    """Whether the kernel uses 5-level page tables."""
    return _call(_prog(prog, "pgtable_l5_enabled"), "pgtable_l5_enabled")


def thread_task(thread):
    """Thread.object of a kernel thread: its ``struct task_struct *``."""
    return _call(thread.prog, "thread_task", thread.tid)
