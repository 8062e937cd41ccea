"""Kernel log buffer (drgn.helpers.linux.printk), over org.jdrgn.linux.helpers
(org.jdrgn.linux.Printk reads the lockless ringbuffer)."""

from typing import Dict, List, NamedTuple, Optional

from drgn.helpers.common.prog import takes_program_or_default
from drgn.helpers.linux._kernel import call

__all__ = (
    "PrintkRecord",
    "get_dmesg",
    "get_printk_records",
    "print_dmesg",
)


class PrintkRecord(NamedTuple):
    """Kernel log record."""

    text: bytes
    facility: int
    level: int
    seq: int
    timestamp: int
    caller_tid: Optional[int]
    caller_cpu: Optional[int]
    continuation: bool
    context: Dict[bytes, bytes]


@takes_program_or_default
def get_printk_records(prog) -> List[PrintkRecord]:
    """The records in the kernel log buffer, oldest first."""
    return [PrintkRecord(text, facility, level, seq, ts, tid, cpu, cont, dict(context))
            for text, facility, level, seq, ts, tid, cpu, cont, context in call(prog, "get_printk_records")]


@takes_program_or_default
def get_dmesg(prog) -> bytes:
    """The kernel log buffer formatted like dmesg(1): "[   timestamp] message" lines."""
    return call(prog, "get_dmesg")


@takes_program_or_default
def print_dmesg(prog, *, file=None):
    """Print the kernel log as get_dmesg() formats it."""
    import sys
    (file or sys.stdout).write(get_dmesg(prog).decode(errors="replace"))
