"""scripts-py/kernel_crash.py's work, split into timed phases (src/bench/kernel-phases.sh runs it).
Prints "phase<TAB>ms" lines to stderr; the first, "startup", is the time from the process start
(BENCH_START_NS, wall-clock nanoseconds set by the caller) to the script's first line: JVM and
GraalPy start-up, opening the dump and vmlinux. Runs on drgn 0.0.22 too."""
import os
import sys
import time

from drgn import FaultError, cast
from drgn.helpers.linux.percpu import per_cpu, per_cpu_ptr
from drgn.helpers.linux.sched import task_cpu

_t = time.time_ns()
if os.environ.get("BENCH_START_NS"):
    print(f"startup\t{(_t - int(os.environ['BENCH_START_NS'])) // 1_000_000}", file=sys.stderr)


def lap(phase):
    global _t
    now = time.time_ns()
    print(f"{phase}\t{(now - _t) // 1_000_000}", file=sys.stderr)
    _t = now


out = []
out.append(prog["init_uts_ns"].name.release.string_().decode())
lap("first_lookup")          # the index (cache) and the first types
cpu = prog["crashing_cpu"]
task = per_cpu(prog["runqueues"], cpu).curr
out.append(f"{int(cpu)} {int(task.pid)} {task.comm.string_().decode()}")
lap("crashed_task")
trace = prog.stack_trace(task)
frames = list(trace)
lap("unwind")
out.append(str(trace))
lap("trace_str")
names = []
for frame in frames:
    try:
        names.append(frame.locals())
    except Exception as e:   # drgn 0.0.22 stops on opcodes it lacks
        names.append([])
lap("locals")
values = []
for frame, ns in zip(frames, names):
    for name in ns:
        try:
            values.append(frame[name])
        except Exception as e:
            out.append(repr(e))
lap("variables")
for v in values:
    try:
        out.append(v.format_(dereference=False, columns=120))
    except (FaultError, LookupError, ValueError) as e:
        out.append(repr(e))
lap("format")
stack = cast("unsigned long", task.stack)
rq0 = per_cpu_ptr(prog["runqueues"].address_of_(), 0)
rq = per_cpu_ptr(prog["runqueues"].address_of_(), task_cpu(task))
out.append(f"{hex(stack)} {rq - rq0} {per_cpu(prog['runqueues'], task_cpu(task)).curr == task}")
lap("per_cpu")
print("\n".join(out))
