"""Per-CPU variables (drgn.helpers.linux.percpu), over org.jdrgn.linux.helpers."""

from drgn.helpers.linux._kernel import call

__all__ = ("per_cpu", "per_cpu_ptr")


def per_cpu_ptr(ptr, cpu):
    """The ``type __percpu *`` pointer ``ptr`` moved to CPU ``cpu``'s copy (same type)."""
    return call(ptr.prog_, "per_cpu_ptr", ptr, cpu)


def per_cpu(var, cpu):
    """CPU ``cpu``'s copy of the per-CPU variable ``var`` (an object, not a pointer)."""
    return call(var.prog_, "per_cpu", var, cpu)
