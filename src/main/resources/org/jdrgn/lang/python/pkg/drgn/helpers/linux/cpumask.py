"""CPU masks (drgn.helpers.linux.cpumask), walked in Java."""

from drgn.helpers.common.prog import takes_program_or_default
from drgn.helpers.linux._kernel import call

__all__ = ("for_each_cpu", "for_each_online_cpu", "for_each_possible_cpu", "for_each_present_cpu")


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
