"""List the kernel's tasks like ps(1): PID, parent PID, CPU, state letter and command name.

    jdrgn -c VMCORE -s VMLINUX scripts-py/ps.py      (runs unchanged on drgn)
"""
from drgn.helpers.linux.pid import for_each_task
from drgn.helpers.linux.sched import task_cpu, task_state_to_char

print(f"{'PID':>7} {'PPID':>7} {'CPU':>3} ST COMM")
for task in for_each_task(prog):
    comm = task.comm.string_().decode("utf-8", "backslashreplace")
    ppid = task.real_parent.pid.value_()
    print(f"{task.pid.value_():>7} {ppid:>7} {task_cpu(task):>3} {task_state_to_char(task)}  {comm}")
