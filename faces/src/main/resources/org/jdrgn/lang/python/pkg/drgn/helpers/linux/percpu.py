"""Per-CPU variables (drgn.helpers.linux.percpu), adapted to jdrgn's Java helpers."""

from drgn import Object
from drgn.helpers.linux import _kernel

__all__ = ("per_cpu", "per_cpu_ptr")


def per_cpu_ptr(ptr, cpu):
    """The ``type __percpu *`` pointer ``ptr`` moved to CPU ``cpu``'s copy (same type)."""
    prog = ptr.prog_
    return Object(prog, ptr.type_, value=ptr.value_() + _kernel.call(prog, "per_cpu_offset", cpu))


def per_cpu(var, cpu):
    """CPU ``cpu``'s copy of the per-CPU variable ``var`` (an object, not a pointer)."""
    return per_cpu_ptr(var.address_of_(), cpu)[0]
