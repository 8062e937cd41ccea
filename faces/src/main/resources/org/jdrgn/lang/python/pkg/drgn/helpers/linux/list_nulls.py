"""Nulls-terminated hash lists (drgn.helpers.linux.list_nulls): the end is a pointer with bit 0 set."""

from drgn.helpers.linux._kernel import call

__all__ = ("hlist_nulls_empty", "hlist_nulls_for_each_entry", "is_a_nulls")


def is_a_nulls(pos):
    """Whether a ``struct hlist_nulls_node *`` is a nulls marker (the end of a list)."""
    return bool(pos.value_() & 1)


def hlist_nulls_empty(head):
    """Whether a ``struct hlist_nulls_head *`` has no entries."""
    return is_a_nulls(head.first)


def hlist_nulls_for_each_entry(type, head, member):
    """Each entry (``type *``) of a nulls hash list, linked through ``member`` (walked in Java)."""
    yield from call(head.prog_, "hlist_nulls_for_each_entry", type, head, member)
