"""Doubly linked lists (drgn.helpers.linux.list): struct list_head and struct hlist_head.

Plain object access over the kernel's list layout (include/linux/list.h); the walks are
Java's (org.jdrgn.linux.KernelLists): bounded, and a list that never gets back to its head
(or, for an hlist, to NULL) is a ValueError naming it instead of a hang.
"""

from drgn import NULL, container_of
from drgn.helpers import ValidationError
from drgn.helpers.linux._kernel import call

__all__ = (
    "hlist_empty",
    "hlist_for_each",
    "hlist_for_each_entry",
    "list_count_nodes",
    "list_empty",
    "list_first_entry",
    "list_first_entry_or_null",
    "list_for_each",
    "list_for_each_entry",
    "list_for_each_entry_reverse",
    "list_for_each_reverse",
    "list_is_singular",
    "list_last_entry",
    "list_next_entry",
    "list_prev_entry",
    "validate_list",
    "validate_list_count_nodes",
    "validate_list_for_each",
    "validate_list_for_each_entry",
)


def list_empty(head):
    """Whether a ``struct list_head *`` list has no entries."""
    head = head.read_()
    return head.next == head


def list_is_singular(head):
    """Whether a ``struct list_head *`` list has exactly one entry."""
    head = head.read_()
    first = head.next
    return first != head and first == head.prev


def list_first_entry(head, type, member):
    """The first entry (``type *``) of a non-empty list, linked through ``member``."""
    return container_of(head.next, type, member)


def list_first_entry_or_null(head, type, member):
    """The first entry of a list, or a NULL ``type *`` if it is empty."""
    head = head.read_()
    first = head.next.read_()
    if first == head:
        prog = head.prog_
        return NULL(prog, prog.pointer_type(prog.type(type)))
    return container_of(first, type, member)


def list_last_entry(head, type, member):
    """The last entry (``type *``) of a non-empty list."""
    return container_of(head.prev, type, member)


def list_next_entry(pos, member):
    """The entry after ``pos`` (same type) in its list."""
    return container_of(pos.member_(member).next, pos.type_.type, member)


def list_prev_entry(pos, member):
    """The entry before ``pos`` (same type) in its list."""
    return container_of(pos.member_(member).prev, pos.type_.type, member)


def list_for_each(head):
    """Each ``struct list_head *`` node of a list, first to last."""
    yield from call(head.prog_, "list_for_each", head)


def list_for_each_reverse(head):
    """Each ``struct list_head *`` node of a list, last to first."""
    yield from call(head.prog_, "list_for_each_reverse", head)


def list_for_each_entry(type, head, member):
    """Each entry (``type *``) of a list linked through ``member``, first to last."""
    yield from call(head.prog_, "list_for_each_entry", type, head, member)


def list_for_each_entry_reverse(type, head, member):
    """Each entry (``type *``) of a list linked through ``member``, last to first."""
    yield from call(head.prog_, "list_for_each_entry_reverse", type, head, member)


def hlist_empty(head):
    """Whether a ``struct hlist_head *`` list has no entries."""
    return not head.first


def hlist_for_each(head):
    """Each ``struct hlist_node *`` of a hash list."""
    yield from call(head.prog_, "hlist_for_each", head)


def hlist_for_each_entry(type, head, member):
    """Each entry (``type *``) of a hash list linked through ``member``."""
    yield from call(head.prog_, "hlist_for_each_entry", type, head, member)


def validate_list(head):
    """Check that every node's next and prev pointers agree; ValidationError naming the node if not."""
    for _ in validate_list_for_each(head):
        pass


def validate_list_for_each(head):
    """list_for_each() that checks each node's prev pointer while walking (ValidationError if wrong)."""
    head = head.read_()
    pos = head
    for node in list_for_each(head):
        prev = node.prev.read_()
        if prev != pos:
            raise ValidationError(f"{hex(pos)} next {hex(node)} has prev {hex(prev)}")
        yield node
        pos = node
    if head.prev.read_() != pos:
        raise ValidationError(f"{hex(pos)} next {hex(head)} has prev {hex(head.prev)}")


def validate_list_for_each_entry(type, head, member):
    """list_for_each_entry() that validates the list as validate_list() does."""
    for pos in validate_list_for_each(head):
        yield container_of(pos, type, member)


def list_count_nodes(head):
    """The number of nodes of a ``struct list_head *`` list (head excluded)."""
    return len(call(head.prog_, "list_for_each", head))


def validate_list_count_nodes(head):
    """list_count_nodes() of a list checked as validate_list() checks it."""
    return sum(1 for _ in validate_list_for_each(head))
