"""Simple wait queues (drgn.helpers.linux.swait)."""

from drgn.helpers.linux.list import list_empty, list_for_each_entry

__all__ = ("swait_active", "swait_for_each_task")


def swait_active(wq):
    """Whether a ``struct swait_queue_head *`` has waiters."""
    return not list_empty(wq.task_list.address_of_())


def swait_for_each_task(wq):
    """Each ``struct task_struct *`` waiting on a ``struct swait_queue_head *``."""
    for waiter in list_for_each_entry("struct swait_queue", wq.task_list.address_of_(), "task_list"):
        yield waiter.task.read_()
