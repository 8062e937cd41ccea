"""The first minutes of a kernel crash investigation, drgn-style, on a vmcore:
the crashing CPU's task, its stack trace with each frame's variables, a cast, a pointer
difference and a per-CPU lookup.

    jdrgn -c vmcore -s vmlinux scripts-py/kernel_crash.py

Only drgn's API is used, but drgn 0.0.22 stops at the first frame variable described with
DW_OP_entry_value ("unknown DWARF expression opcode 0xa3", frame #3 on the bundled kdump);
jdrgn evaluates those and prints every frame.
"""
from drgn import FaultError, cast
from drgn.helpers.linux.percpu import per_cpu, per_cpu_ptr
from drgn.helpers.linux.sched import task_cpu

print("kernel", prog["init_uts_ns"].name.release.string_().decode())
cpu = prog["crashing_cpu"]
task = per_cpu(prog["runqueues"], cpu).curr
print(f"crashing CPU {int(cpu)}: pid {int(task.pid)} ({task.comm.string_().decode()})")

trace = prog.stack_trace(task)
print(trace)
for i, frame in enumerate(trace):
    names = frame.locals()
    if not names:
        continue
    print(f"#{i} {frame.name}:")
    for name in names:
        try:
            value = frame[name].format_(dereference=False, columns=120)
        except (FaultError, LookupError, ValueError) as e:
            value = f"<{type(e).__name__}: {e}>"
        print(f"    {name} = " + value.replace("\n", "\n    "))

# A cast, a pointer difference, a per-CPU lookup: the shape of the Kyber walk.
stack = cast("unsigned long", task.stack)
print("task stack", hex(stack))
rq0 = per_cpu_ptr(prog["runqueues"].address_of_(), 0)
rq = per_cpu_ptr(prog["runqueues"].address_of_(), task_cpu(task))
print("rq - rq0 =", rq - rq0)
print("this CPU's current task is the crashed task:", per_cpu(prog["runqueues"], task_cpu(task)).curr == task)
