"""The helper benchmark of issue 11, one phase a line ("phase<TAB>ms"): for_each_task +
task_state_to_char, for_each_slab_cache (names read), a full for_each_page pass, get_dmesg.
Runs unchanged on drgn 0.0.22 and on jdrgn (src/bench/kernel-helpers.sh)."""
import time

from drgn.helpers.linux.mm import for_each_page
from drgn.helpers.linux.pid import for_each_task
from drgn.helpers.linux.printk import get_dmesg
from drgn.helpers.linux.sched import task_state_to_char
from drgn.helpers.linux.slab import for_each_slab_cache


def phase(name, fn):
    t = time.perf_counter()
    n = fn()
    print(f"{name}\t{(time.perf_counter() - t) * 1000:.0f}\t{n}")


phase("for_each_task+task_state_to_char", lambda: len([task_state_to_char(t) for t in for_each_task(prog)]))
phase("for_each_slab_cache", lambda: len([s.name.string_() for s in for_each_slab_cache(prog)]))
phase("for_each_page", lambda: sum(1 for _ in for_each_page(prog)))
phase("get_dmesg", lambda: len(get_dmesg(prog)))
