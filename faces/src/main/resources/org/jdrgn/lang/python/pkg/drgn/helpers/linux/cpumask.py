"""CPU masks (drgn.helpers.linux.cpumask), walked in Java."""

from drgn.helpers.common.prog import takes_program_or_default
from drgn.helpers.linux._kernel import call

__all__ = (
    "cpu_online_mask",
    "cpu_possible_mask",
    "cpu_present_mask",
    "cpumask_of",
    "cpumask_to_cpulist",
    "cpumask_weight",
    "for_each_cpu",
    "for_each_online_cpu",
    "for_each_possible_cpu",
    "for_each_present_cpu",
    "num_online_cpus",
    "num_possible_cpus",
    "num_present_cpus",
)


def for_each_cpu(mask):
    """The CPU numbers set in a ``struct cpumask`` (below nr_cpu_ids)."""
    yield from call(mask.prog_, "for_each_cpu", mask)


@takes_program_or_default
def for_each_online_cpu(prog):
    """The online CPUs."""
    yield from call(prog, "for_each_online_cpu")


@takes_program_or_default
def for_each_possible_cpu(prog):
    """The possible CPUs (those that could ever be online)."""
    yield from call(prog, "for_each_possible_cpu")


@takes_program_or_default
def for_each_present_cpu(prog):
    """The present CPUs."""
    yield from call(prog, "for_each_present_cpu")


@takes_program_or_default
def cpu_online_mask(prog):
    """The mask of online CPUs (``struct cpumask *``)."""
    return prog["__cpu_online_mask"].address_of_()


@takes_program_or_default
def cpu_possible_mask(prog):
    """The mask of possible CPUs (``struct cpumask *``)."""
    return prog["__cpu_possible_mask"].address_of_()


@takes_program_or_default
def cpu_present_mask(prog):
    """The mask of present CPUs (``struct cpumask *``)."""
    return prog["__cpu_present_mask"].address_of_()


@takes_program_or_default
def cpumask_of(prog, cpu):
    """The ``struct cpumask *`` with only ``cpu`` set (the kernel's cpu_bit_bitmap)."""
    from drgn import Object, cast
    bits = prog.type("unsigned long").size * 8
    row = prog["cpu_bit_bitmap"][1 + cpu % bits].address_of_()
    return Object(prog, "struct cpumask *", value=row.value_() - (cpu // bits) * prog.type("unsigned long").size)


def cpumask_weight(mask):
    """The number of CPUs set in a ``struct cpumask *``."""
    return sum(1 for _ in for_each_cpu(mask))


def cpumask_to_cpulist(mask):
    """The CPUs of a mask as the kernel's cpulist text ("0-3,8")."""
    ranges, start, prev = [], None, None
    for cpu in for_each_cpu(mask):
        if start is None:
            start = prev = cpu
        elif cpu == prev + 1:
            prev = cpu
        else:
            ranges.append((start, prev))
            start = prev = cpu
    if start is not None:
        ranges.append((start, prev))
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in ranges)


@takes_program_or_default
def num_online_cpus(prog):
    """The number of online CPUs."""
    return cpumask_weight(cpu_online_mask(prog))


@takes_program_or_default
def num_possible_cpus(prog):
    """The number of possible CPUs."""
    return cpumask_weight(cpu_possible_mask(prog))


@takes_program_or_default
def num_present_cpus(prog):
    """The number of present CPUs."""
    return cpumask_weight(cpu_present_mask(prog))
