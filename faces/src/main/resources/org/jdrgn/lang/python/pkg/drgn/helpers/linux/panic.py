"""Panics (drgn.helpers.linux.panic)."""

from drgn import NULL
from drgn.helpers.common.prog import takes_program_or_default

__all__ = ("panic_message", "panic_task", "tainted")


@takes_program_or_default
def panic_task(prog):
    """The ``struct task_struct *`` that panicked: the task running on panic_cpu, NULL if none did."""
    from drgn.helpers.linux.sched import cpu_curr
    cpu = prog["panic_cpu"].counter.value_()
    if cpu < 0:
        return NULL(prog, "struct task_struct *")
    return cpu_curr(prog, cpu)


@takes_program_or_default
def panic_message(prog):
    """The panic message (bytes) from the kernel log's "Kernel panic - not syncing: " line, or None."""
    from drgn.helpers.linux.printk import get_printk_records
    marker = b"Kernel panic - not syncing: "
    for record in reversed(get_printk_records(prog)):
        if record.text.startswith(marker):
            return record.text[len(marker):]
    return None


# the kernel's taint_flags letters, by bit (kernel/panic.c)
_TAINT_CHARS = "PFSRMBUDAWCIOELKXTN"


@takes_program_or_default
def tainted(prog):
    """The kernel's taint string as /proc/sys/kernel/tainted's letters, "" if untainted."""
    mask = prog["tainted_mask"].value_()
    return "".join(c for i, c in enumerate(_TAINT_CHARS) if mask & (1 << i))
