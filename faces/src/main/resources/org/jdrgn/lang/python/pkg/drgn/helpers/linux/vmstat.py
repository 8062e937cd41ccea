"""Virtual memory statistics (drgn.helpers.linux.vmstat): the kernel's global and per-zone counters."""

from drgn.helpers.common.prog import takes_program_or_default

__all__ = ("global_node_page_state", "global_numa_event_state", "global_vm_event_state",
           "global_zone_page_state", "nr_free_pages", "zone_page_state")


@takes_program_or_default
def global_node_page_state(prog, item):
    """The global value of an ``enum node_stat_item`` counter (negative transients read as 0)."""
    return max(prog["vm_node_stat"][item].counter.value_(), 0)


def zone_page_state(zone, item):
    """The value of an ``enum zone_stat_item`` counter of a ``struct zone *``."""
    return max(zone.vm_stat[item].counter.value_(), 0)


@takes_program_or_default
def global_zone_page_state(prog, item):
    """The global value of an ``enum zone_stat_item`` counter."""
    return max(prog["vm_zone_stat"][item].counter.value_(), 0)


@takes_program_or_default
def nr_free_pages(prog):
    """The number of free pages (NR_FREE_PAGES)."""
    return global_zone_page_state(prog, prog["NR_FREE_PAGES"])


@takes_program_or_default
def global_numa_event_state(prog, item):
    """The global value of an ``enum numa_stat_item`` event counter (0 without CONFIG_NUMA)."""
    try:
        return max(prog["vm_numa_event"][item].counter.value_(), 0)
    except KeyError:
        return 0


@takes_program_or_default
def global_vm_event_state(prog, item):
    """The sum over the online CPUs of an ``enum vm_event_item`` counter (CONFIG_VM_EVENT_COUNTERS)."""
    from drgn.helpers.linux.cpumask import for_each_online_cpu
    from drgn.helpers.linux.percpu import per_cpu

    states = prog["vm_event_states"]
    return sum(per_cpu(states, cpu).event[item].value_() for cpu in for_each_online_cpu(prog))
