"""drgn's own Linux helpers on a kernel dump: the text that jdrgn must reproduce.

    /usr/bin/python3 oracle_helpers.py DUMP OUT VMLINUX [MODULE...]

writes OUT (make-kernel-oracle.sh: oracle/<dump>.helpers.txt) when drgn 0.0.22 can read the
dump, and nothing when it cannot (its errors are already in <dump>.facts.tsv). The same
report() runs in jdrgn under `--python` with Debian's unmodified drgn package first on
sys.path (org.jdrgn.lang.python.DropInDrgnTest), so it uses only drgn's public API.
"""

import sys

import drgn
from drgn.helpers.linux.boot import kaslr_offset, pgtable_l5_enabled
from drgn.helpers.linux.cpumask import for_each_online_cpu
from drgn.helpers.linux.fs import d_path, for_each_mount, mount_dst, mount_fstype, mount_src
from drgn.helpers.linux.mm import cmdline, page_to_pfn, virt_to_page, virt_to_phys
from drgn.helpers.linux.percpu import per_cpu, per_cpu_ptr
from drgn.helpers.linux.pid import find_pid, find_task, for_each_task, pid_task
from drgn.helpers.linux.printk import get_dmesg
from drgn.helpers.linux.sched import idle_task, task_cpu, task_state_to_char
from drgn.helpers.linux.slab import find_containing_slab_cache, for_each_slab_cache
from drgn.helpers.linux.xarray import xa_load


def _text(b):
    return b.decode("utf-8", "backslashreplace")


def report(prog, out):
    """Each helper's result as lines: a section header, then one line per item."""
    tasks = [(t.pid.value_(), _text(t.comm.string_())) for t in for_each_task(prog)]
    out.write(f"== for_each_task {len(tasks)}\n")
    for pid, comm in tasks:
        out.write(f"{pid}\t{comm}\n")
    caches = [(_text(s.name.string_()), s.object_size.value_(), s.size.value_())
              for s in for_each_slab_cache(prog)]
    out.write(f"== for_each_slab_cache {len(caches)}\n")
    for name, object_size, size in caches:
        out.write(f"{name}\t{object_size}\t{size}\n")
    mounts = [(_text(mount_src(m)), _text(mount_dst(m)), _text(mount_fstype(m))) for m in for_each_mount(prog)]
    out.write(f"== for_each_mount {len(mounts)}\n")
    for src, dst, fstype in mounts:
        out.write(f"{src}\t{dst}\t{fstype}\n")
    primitives(prog, out)
    dmesg = _text(get_dmesg(prog))
    out.write(f"== get_dmesg {len(dmesg.splitlines())}\n")
    out.write(dmesg)
    if dmesg and not dmesg.endswith("\n"):
        out.write("\n")


def _try(fn):
    """fn()'s value, or the exception's type (user pages are left out of `makedumpfile -d 31`)."""
    try:
        return fn()
    except Exception as e:  # noqa: BLE001 - the failure is the fact to compare
        where = f" {e.address:#x}" if isinstance(e, drgn.FaultError) else ""
        return f"<{type(e).__name__}{where}>"


def primitives(prog, out):
    """What drgn's helpers build on its C primitives (_drgn._linux_helper_*), per CPU and task."""
    out.write(f"== primitives kaslr_offset={kaslr_offset(prog):#x} l5={pgtable_l5_enabled(prog)}\n")
    rq0 = per_cpu_ptr(prog["runqueues"].address_of_(), 0)
    for cpu in for_each_online_cpu(prog):
        rq = per_cpu_ptr(prog["runqueues"].address_of_(), cpu)
        out.write(f"cpu {cpu}\tidle={_text(idle_task(prog, cpu).comm.string_())}"
                  f"\tcurr={per_cpu(prog['runqueues'], cpu).curr.pid.value_()}"
                  f"\trq_offset={rq.value_() - rq0.value_():#x}\n")
    pid_type = prog["PIDTYPE_PID"]
    ns_xa = prog["init_pid_ns"].idr.idr_rt.address_of_()
    for task in for_each_task(prog):
        pid = task.pid.value_()
        same = (find_task(prog, pid) == task, pid_task(find_pid(prog, pid), pid_type) == task,
                xa_load(ns_xa, pid) == find_pid(prog, pid))
        page = virt_to_page(task)
        slab = _try(lambda: _text(find_containing_slab_cache(task).name.string_()))
        cwd = _try(lambda: _text(d_path(task.fs.pwd.address_of_()))) if task.fs else "-"
        cmd = _try(lambda: b" ".join(cmdline(task) or []).decode("utf-8", "backslashreplace")) if task.mm else "-"
        out.write(f"{pid}\tcpu={task_cpu(task)}\tstate={task_state_to_char(task)}\tfound={same}"
                  f"\ttask={task.value_():#x}\tphys={virt_to_phys(task).value_():#x}\tpfn={page_to_pfn(page).value_():#x}"
                  f"\tslab={slab}\tcwd={cwd}\tcmdline={cmd}\n")


def main(argv):
    dump, out_path, vmlinux, *modules = argv
    prog = drgn.Program()
    try:
        prog.set_core_dump(dump)
        prog.load_debug_info([vmlinux, *modules])
        prog["init_uts_ns"].name.release.string_()
    except Exception as e:  # noqa: BLE001 - drgn cannot read this dump; facts.tsv says why
        print(f"{dump}: helpers oracle skipped: {type(e).__name__}: {e}", file=sys.stderr)
        return
    with open(out_path, "w") as out:
        report(prog, out)


if __name__ == "__main__":
    main(sys.argv[1:])
