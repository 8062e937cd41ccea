"""Each task's open files: pid, comm, file descriptor and path (or why it cannot be read).

    jdrgn -c VMCORE -s VMLINUX scripts-py/files.py [PID...]      (runs unchanged on drgn)
"""
import sys

from drgn import FaultError
from drgn.helpers.linux.fs import d_path, for_each_file
from drgn.helpers.linux.pid import find_task, for_each_task

pids = [int(a) for a in sys.argv[1:]]
tasks = [find_task(prog, pid) for pid in pids] if pids else for_each_task(prog)
for task in tasks:
    if not task.files:
        continue
    comm = task.comm.string_().decode("utf-8", "backslashreplace")
    for fd, file in for_each_file(task):
        try:
            path = d_path(file.f_path.address_of_()).decode("utf-8", "backslashreplace")
        except FaultError as e:
            path = f"<fault at {e.address:#x}>"
        print(f"{task.pid.value_():>7} {comm:<16} {fd:>4} {path}")
