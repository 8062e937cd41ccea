"""Wait queues (drgn.helpers.linux.wait)."""

from drgn import cast
from drgn.helpers.linux.list import list_empty, list_for_each_entry

__all__ = ("waitqueue_active", "waitqueue_for_each_entry", "waitqueue_for_each_task")


def waitqueue_active(wq):
    """Whether a ``wait_queue_head_t *`` has waiters."""
    return not list_empty(wq.head.address_of_())


def waitqueue_for_each_entry(wq):
    """Each ``wait_queue_entry_t *`` of a ``wait_queue_head_t *``."""
    return list_for_each_entry("wait_queue_entry_t", wq.head.address_of_(), "entry")


def waitqueue_for_each_task(wq):
    """Each ``struct task_struct *`` waiting on a ``wait_queue_head_t *`` (each entry's non-NULL private)."""
    for entry in waitqueue_for_each_entry(wq):
        task = cast("struct task_struct *", entry.private)
        if task:
            yield task
