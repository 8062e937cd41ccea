"""NUMA node masks (drgn.helpers.linux.nodemask)."""

from drgn import IntegerLike, Object, Program  # noqa: F401
from drgn.helpers.common.prog import takes_program_or_default
from drgn.helpers.linux.bitops import for_each_set_bit, test_bit

__all__ = (
    "for_each_node",
    "for_each_node_mask",
    "for_each_node_state",
    "for_each_online_node",
    "node_state",
    "nr_node_ids",
)


def _max_numnodes(prog):
    try:
        return prog.type("nodemask_t").member("bits").type.length * 8 * prog.type("unsigned long").size
    except LookupError:
        return 1


def for_each_node_mask(mask):
    """The node numbers set in a ``nodemask_t``."""
    mask = mask.read_()
    return for_each_set_bit(mask.bits, _max_numnodes(mask.prog_))


@takes_program_or_default
def for_each_node_state(prog, state):
    """The nodes in a ``enum node_states`` state (an Object or int)."""
    return for_each_node_mask(prog["node_states"][state])


@takes_program_or_default
def for_each_node(prog):
    """The possible nodes."""
    return for_each_node_state(prog, prog["N_POSSIBLE"])


@takes_program_or_default
def for_each_online_node(prog):
    """The online nodes."""
    return for_each_node_state(prog, prog["N_ONLINE"])


def node_state(node, state):
    """Whether a node (int or Object) is in a ``enum node_states`` state (an Object)."""
    prog = state.prog_
    return test_bit(node, prog["node_states"][state].bits)


@takes_program_or_default
def nr_node_ids(prog):
    """The number of NUMA node IDs (1 without NUMA)."""
    try:
        return prog["nr_node_ids"].value_()
    except KeyError:
        return 1
