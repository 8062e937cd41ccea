"""Stack helpers (drgn.helpers.common.stack)."""

from drgn import FaultError, PlatformFlags
from drgn.helpers.common.memory import identify_address

__all__ = ("print_annotated_stack",)


def print_annotated_stack(trace):
    """Print the stack memory of a trace, one word a line, annotating words identify_address() knows.

    Frames are grouped up to the next interrupted frame (which may run on another stack); a
    group's memory runs from its first frame's stack pointer through its last frame's, and
    each frame's header is printed where its stack pointer is reached. drgn 0.0.22 ends a
    trace with a "???" frame at the outermost frame's CFA; jdrgn has no such frame, so the
    outermost frame's memory runs to its CFA instead.
    """
    prog = trace.prog
    flags = prog.platform.flags
    word = 8 if PlatformFlags.IS_64_BIT in flags else 4
    order = "little" if PlatformFlags.IS_LITTLE_ENDIAN in flags else "big"
    line = "{:016x}: {:016x}{}" if word == 8 else "{:08x}: {:08x}{}"
    print("STACK POINTER     VALUE" if word == 8 else "STACK     VALUE\nPOINTER")
    frames = list(trace)
    first = 0
    while first < len(frames):
        last = first + 1
        while last < len(frames) and not frames[last].interrupted:
            last += 1
        group = frames[first:last]
        lo = group[0].sp
        hi = group[-1].sp + word                       # through the last frame's own word
        if last == len(frames) and group[-1].jCfa() > group[-1].sp:
            hi = group[-1].jCfa()                      # the outermost frame: up to its CFA
        try:
            data = prog.read(lo, hi - lo)
        except FaultError:
            for frame in group:
                print(f"[stack frame {frame}]")
            first = last
            continue
        pending = 0
        for off in range(0, len(data) - word + 1, word):
            addr = lo + off
            while pending < len(group) and group[pending].sp == addr:
                print(f"[stack frame {group[pending]}]")
                pending += 1
            value = int.from_bytes(data[off:off + word], order)
            note = identify_address(prog, value)
            print(line.format(addr, value, f" [{note}]" if note else ""))
        first = last
