"""Lock-less singly linked lists (drgn.helpers.linux.llist)."""

from drgn import NULL, container_of
from drgn.helpers.linux._kernel import call

__all__ = ("llist_empty", "llist_first_entry", "llist_first_entry_or_null", "llist_for_each",
           "llist_for_each_entry", "llist_is_singular", "llist_next_entry")


def llist_empty(head):
    """Whether a ``struct llist_head *`` has no entries."""
    return not head.first


def llist_is_singular(head):
    """Whether a ``struct llist_head *`` has exactly one entry."""
    first = head.first.read_()
    return bool(first) and not first.next


def llist_first_entry(head, type, member):
    """The first entry (``type *``) of a non-empty list."""
    return container_of(head.first, type, member)


def llist_first_entry_or_null(head, type, member):
    """The first entry, or a NULL ``type *`` if the list is empty."""
    first = head.first.read_()
    if not first:
        prog = head.prog_
        return NULL(prog, prog.pointer_type(prog.type(type) if isinstance(type, str) else type))
    return container_of(first, type, member)


def llist_next_entry(pos, member):
    """The entry after ``pos`` (same type), linked through ``member``."""
    return container_of(pos.member_(member).next, pos.type_.type, member)


def llist_for_each(node):
    """Each ``struct llist_node *`` from ``node`` (a node, typically ``head.first``) to the end."""
    yield from call(node.prog_, "llist_for_each", node)


def llist_for_each_entry(type, node, member):
    """Each entry (``type *``) from ``node`` to the end, linked through ``member``."""
    yield from call(node.prog_, "llist_for_each_entry", type, node, member)
