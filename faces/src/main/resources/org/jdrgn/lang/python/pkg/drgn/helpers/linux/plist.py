"""Priority-sorted lists (drgn.helpers.linux.plist)."""

from drgn import container_of
from drgn.helpers.linux.list import list_empty, list_for_each_entry

__all__ = ("plist_first_entry", "plist_for_each", "plist_for_each_entry", "plist_head_empty",
           "plist_last_entry", "plist_node_empty")


def plist_head_empty(head):
    """Whether a ``struct plist_head *`` is empty."""
    return list_empty(head.node_list.address_of_())


def plist_node_empty(node):
    """Whether a ``struct plist_node *`` is on no list."""
    return list_empty(node.node_list.address_of_())


def plist_first_entry(head, type, member):
    """The first entry (``type *``) of a non-empty plist."""
    first = container_of(head.node_list.next, "struct plist_node", "node_list")
    return container_of(first, type, member)


def plist_last_entry(head, type, member):
    """The last entry (``type *``) of a non-empty plist."""
    last = container_of(head.node_list.prev, "struct plist_node", "node_list")
    return container_of(last, type, member)


def plist_for_each(head):
    """Each ``struct plist_node *`` of a plist, in priority order."""
    return list_for_each_entry("struct plist_node", head.node_list.address_of_(), "node_list")


def plist_for_each_entry(type, head, member):
    """Each entry (``type *``) of a plist, in priority order."""
    for node in plist_for_each(head):
        yield container_of(node, type, member)
