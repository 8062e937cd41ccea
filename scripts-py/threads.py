"""List a program's threads: ID, name, and which one crashed.

    jdrgn -c CORE scripts-py/threads.py

Thread.name is drgn 0.0.24's (0.0.22 has no name: the column says "-" there).
"""
from drgn import FaultError

try:
    crashed = prog.crashed_thread().tid
except Exception:  # drgn raises a plain Exception when no thread crashed
    crashed = None

print(f"{'TID':>8}  {'NAME':<16}  STATE")
for thread in sorted(prog.threads(), key=lambda t: t.tid):
    name = getattr(thread, "name", None)          # Thread.name is drgn 0.0.24+
    print(f"{thread.tid:>8}  {name or '-':<16}  {'crashed' if thread.tid == crashed else ''}".rstrip())
