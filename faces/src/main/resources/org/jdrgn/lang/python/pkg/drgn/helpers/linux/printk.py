"""Kernel log buffer (drgn.helpers.linux.printk), adapted to jdrgn's Java helpers
(org.jdrgn.linux.Printk reads the lockless ringbuffer; PrintkWire is the form it arrives in)."""

import struct
from typing import Dict, List, NamedTuple, Optional

from drgn.helpers.common.prog import takes_program_or_default
from drgn.helpers.linux import _kernel

__all__ = ("PrintkRecord", "get_dmesg", "get_printk_records")

_FIELDS = 10  # org.jdrgn.linux.PrintkWire.FIELDS


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


def _signed(v):
    return v - (1 << 64) if v >= 1 << 63 else v


@takes_program_or_default
def get_printk_records(prog) -> List[PrintkRecord]:
    """The records in the kernel log buffer, oldest first."""
    wire = _kernel.call(prog, "get_printk_records")
    count, blob_len = wire[0], wire[1]
    start = 2 + _FIELDS * count
    blob = struct.pack(f"<{len(wire) - start}Q", *wire[start:])[:blob_len]
    records, pos = [], 0
    for i in range(2, start, _FIELDS):
        seq, ts, facility, level, tid, cpu, cont, *lengths = wire[i:i + _FIELDS]
        parts = []
        for n in map(_signed, lengths):
            parts.append(None if n < 0 else blob[pos:pos + n])
            pos += max(n, 0)
        text, subsystem, device = parts
        context = {k: v for k, v in ((b"SUBSYSTEM", subsystem), (b"DEVICE", device)) if v is not None}
        records.append(PrintkRecord(text, facility, level, seq, ts,
                                    None if _signed(tid) < 0 else tid, None if _signed(cpu) < 0 else cpu,
                                    bool(cont), context))
    return records


@takes_program_or_default
def get_dmesg(prog) -> bytes:
    """The kernel log buffer formatted like dmesg(1): "[   timestamp] message" lines."""
    return _kernel.call(prog, "get_dmesg")
