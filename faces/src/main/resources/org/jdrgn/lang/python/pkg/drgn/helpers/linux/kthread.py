"""Kernel threads (drgn.helpers.linux.kthread)."""

from drgn import Object, cast

__all__ = ("kthread_data", "task_is_kthread", "to_kthread")

_PF_KTHREAD = 0x00200000


def task_is_kthread(task):
    """Whether a ``struct task_struct *`` is a kernel thread (PF_KTHREAD)."""
    return bool(task.flags.value_() & _PF_KTHREAD)


def to_kthread(task):
    """The ``struct kthread *`` of a kernel thread (``task->worker_private``, or set_child_tid before 5.17)."""
    if hasattr(task, "worker_private"):
        return cast("struct kthread *", task.worker_private)
    return cast("struct kthread *", task.set_child_tid)


def kthread_data(task):
    """The data pointer (``void *``) passed to kthread_create() for a kernel thread."""
    return to_kthread(task).data.read_()
