"""Per-CPU variables (drgn.helpers.linux.percpu), over org.jdrgn.linux.helpers."""

from drgn.helpers.linux._kernel import call

__all__ = (
    "per_cpu",
    "per_cpu_ptr",
    "percpu_counter_sum",
    "percpu_counter_sum_positive",
)


def per_cpu_ptr(ptr, cpu):
    """The ``type __percpu *`` pointer ``ptr`` moved to CPU ``cpu``'s copy (same type)."""
    return call(ptr.prog_, "per_cpu_ptr", ptr, cpu)


def per_cpu(var, cpu):
    """CPU ``cpu``'s copy of the per-CPU variable ``var`` (an object, not a pointer)."""
    return call(var.prog_, "per_cpu", var, cpu)


def percpu_counter_sum(fbc):
    """The value of a ``struct percpu_counter *``: its count plus every online CPU's delta (int)."""
    from drgn.helpers.linux.cpumask import for_each_online_cpu

    fbc = fbc.read_()
    total = fbc.count.value_()
    counters = fbc.counters
    for cpu in for_each_online_cpu(fbc.prog_):
        total += per_cpu_ptr(counters, cpu)[0].value_()
    return total


def percpu_counter_sum_positive(fbc):
    """percpu_counter_sum(), or 0 if it is negative."""
    return max(percpu_counter_sum(fbc), 0)
