"""Completions (drgn.helpers.linux.completion)."""

from drgn.helpers.linux.swait import swait_for_each_task

__all__ = ("completion_done", "completion_for_each_task")


def completion_done(x):
    """Whether a ``struct completion *`` has completions pending (done != 0)."""
    return bool(x.done)


def completion_for_each_task(x):
    """Each ``struct task_struct *`` waiting for a ``struct completion *``."""
    return swait_for_each_task(x.wait.address_of_())
