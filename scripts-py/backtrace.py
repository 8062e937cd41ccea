"""Print every thread's stack trace, crashed thread first, with each frame's variables.

    jdrgn -c CORE scripts-py/backtrace.py [--no-locals]

Only drgn's API is used, but drgn 0.0.22 stops at the first variable described with
DW_OP_entry_value ("unknown DWARF expression opcode 0xa3", in libc's frames);
jdrgn evaluates those. With --no-locals it runs on drgn 0.0.22 as is.
"""
import sys

from drgn import FaultError

show_locals = "--no-locals" not in sys.argv[1:]
try:
    crashed = prog.crashed_thread()
except Exception:  # no thread crashed (e.g. a gcore of a live process)
    crashed = None

threads = sorted(prog.threads(), key=lambda t: (crashed is None or t.tid != crashed.tid, t.tid))
for thread in threads:
    mark = " (crashed)" if crashed is not None and thread.tid == crashed.tid else ""
    print(f"Thread {thread.tid}{mark}:")
    trace = thread.stack_trace()
    for i, frame in enumerate(trace):
        print(str(trace).splitlines()[i])
        if not show_locals:
            continue
        for name in frame.locals():
            try:
                value = frame[name].format_(dereference=False, columns=100)
            except (FaultError, LookupError, ValueError) as e:
                value = f"<{type(e).__name__}: {e}>"
            print(f"        {name} = " + value.replace("\n", "\n        "))
    print()
