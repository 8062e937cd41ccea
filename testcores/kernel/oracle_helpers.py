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


def _line(out, *fields):
    out.write("\t".join(str(f) for f in fields) + "\n")


def _section(out, name, fn):
    """One section: its lines, or the exception drgn raised (the failure is a fact too)."""
    out.write(f"== {name}\n")
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - messages differ per dump format; type and address do not
        where = f" {e.address:#x}" if isinstance(e, drgn.FaultError) else ""
        out.write(f"<{type(e).__name__}{where}>\n")


def report_more(prog, out):
    """drgn 0.0.22's other helper modules on the dump (oracle/<dump>.helpers-more.txt), run by
    HelpersMoreTest with jdrgn's own drgn package: same lines expected."""
    import contextlib
    import io

    from drgn.helpers.common.format import decode_flags
    from drgn.helpers.linux import bitops, block, bpf, cgroup, cpumask, device, fs, idr, kconfig, kernfs
    from drgn.helpers.linux import list as dlist
    from drgn.helpers.linux import mm, net, nodemask, percpu, rbtree, slab, tcp, user

    def printed(fn, *args):
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            fn(*args)
        out.write(buf.getvalue())

    def cpus():
        for name in ("online", "possible", "present"):
            _line(out, name, list(getattr(cpumask, f"for_each_{name}_cpu")(prog)))
        _line(out, "set", list(bitops.for_each_set_bit(prog["__cpu_online_mask"].bits, 64))[:8],
              "clear", list(bitops.for_each_clear_bit(prog["__cpu_online_mask"].bits, 8)),
              bitops.test_bit(0, prog["__cpu_online_mask"].bits), bitops.test_bit(63, prog["__cpu_online_mask"].bits))
        _line(out, "cpumask", list(cpumask.for_each_cpu(prog["__cpu_online_mask"].address_of_())))
        _line(out, "nodes", list(nodemask.for_each_node(prog)), list(nodemask.for_each_online_node(prog)),
              nodemask.node_state(0, prog["N_MEMORY"]), list(nodemask.for_each_node_state(prog, prog["N_CPU"])))
    _section(out, "cpumask nodemask bitops", cpus)

    def devices():
        for m in fs.for_each_mount(prog):
            dev = m.mnt.mnt_sb.s_dev
            _line(out, fs.mount_dst(m).decode(), dev.value_(), device.MAJOR(dev), device.MINOR(dev),
                  device.MKDEV(device.MAJOR(dev), device.MINOR(dev)))
    _section(out, "device", devices)
    _section(out, "print_mounts", lambda: printed(fs.print_mounts, prog))

    def files():
        for task in __import__("drgn.helpers.linux.pid", fromlist=["x"]).for_each_task(prog):
            if not task.files:
                continue
            for fd, f in fs.for_each_file(task):
                inode = f.f_inode
                _line(out, task.pid.value_(), fd, _try(lambda: _text(fs.d_path(f.f_path.address_of_()))),
                      _try(lambda: _text(fs.dentry_path(f.f_path.dentry))),
                      _try(lambda: _text(fs.inode_path(inode) or b"None")), fs.fget(task, fd) == f)
        printed(fs.print_files, __import__("drgn.helpers.linux.pid", fromlist=["x"]).find_task(prog, 1))
        for p in ("/", "/proc", "/dev", "/sys/kernel", "/nonexistent"):
            _line(out, p, _try(lambda: _text(fs.d_path(fs.path_lookup(prog, p)))))
    _section(out, "fs files", files)

    def pages():
        tasks = list(__import__("drgn.helpers.linux.pid", fromlist=["x"]).for_each_task(prog))
        for task in tasks[:12]:
            page = mm.virt_to_page(task)
            _line(out, task.pid.value_(), mm.decode_page_flags(page), mm.PageSlab(page), mm.PageHead(page),
                  mm.PageTail(page), mm.PageCompound(page), mm.compound_head(page) == page,
                  mm.compound_order(mm.compound_head(page)).value_(), mm.page_size(mm.compound_head(page)).value_(),
                  hex(mm.page_to_virt(page).value_()), hex(mm.PFN_PHYS(mm.page_to_pfn(page)).value_()),
                  mm.pfn_to_page(prog, mm.page_to_pfn(page)) == page, mm.phys_to_page(prog, mm.page_to_phys(page)) == page,
                  hex(mm.phys_to_virt(prog, mm.virt_to_phys(task)).value_()), mm.virt_to_pfn(task).value_(),
                  hex(mm.pfn_to_virt(prog, mm.virt_to_pfn(task)).value_()), mm.PHYS_PFN(prog, 4096 * 5).value_(),
                  mm.PageLRU(page), mm.PageReserved(page))
            if task.mm:
                _line(out, "environ", _try(lambda: b" ".join(mm.environ(task)).decode("utf-8", "backslashreplace")))
        every = list(mm.for_each_page(prog))
        _line(out, "for_each_page", len(every), hex(every[0].value_()), hex(every[-1].value_()))
    _section(out, "mm", pages)

    def slabs():
        printed(slab.print_slab_caches, prog)
        for s in slab.for_each_slab_cache(prog):
            _line(out, _text(s.name.string_()), slab.slab_cache_is_merged(s))
        _line(out, "find", slab.find_slab_cache(prog, "task_struct") == slab.find_containing_slab_cache(
            __import__("drgn.helpers.linux.pid", fromlist=["x"]).find_task(prog, 1)), slab.find_slab_cache(prog, "nope"))
        _line(out, "aliases", sorted(slab.get_slab_cache_aliases(prog).items()))
        for task in list(__import__("drgn.helpers.linux.pid", fromlist=["x"]).for_each_task(prog))[:6]:
            info = slab.slab_object_info(task)
            _line(out, "info", None if info is None else (_text(info.slab_cache.name.string_()), hex(info.address),
                                                          info.allocated, hex(info.slab.value_())))
        cache = slab.find_slab_cache(prog, "pid")
        objs = sorted(o.value_() for o in slab.slab_cache_for_each_allocated_object(cache, "struct pid"))
        pids = sorted(p.value_() for p in __import__("drgn.helpers.linux.pid", fromlist=["x"]).for_each_pid(prog))
        _line(out, "allocated pid objects", len(objs), set(pids) <= set(objs))
    _section(out, "slab", slabs)

    def cgroups():
        root = prog["cgrp_dfl_root"].cgrp
        for css in cgroup.css_for_each_descendant_pre(root.self.address_of_()):
            cg = __import__("drgn").container_of(css, "struct cgroup", "self")
            parent = cgroup.cgroup_parent(cg)
            _line(out, _text(cgroup.cgroup_path(cg)), _text(cgroup.cgroup_name(cg)),
                  _text(cgroup.cgroup_path(parent)) if parent else "-",
                  len(list(cgroup.css_for_each_child(css))), cgroup.cgroup_get_from_path(prog, cgroup.cgroup_path(cg)) == cg)
        _line(out, "missing", cgroup.cgroup_get_from_path(prog, "/no/such"))
        for task in list(__import__("drgn.helpers.linux.pid", fromlist=["x"]).for_each_task(prog)):
            _line(out, task.pid.value_(), _text(cgroup.cgroup_path(task.cgroups.dfl_cgrp)))
        kn = prog["sysfs_root_kn"]
        for p in ("kernel", "kernel/mm", "devices/system/cpu", "nope"):
            found = kernfs.kernfs_walk(kn, p)
            _line(out, p, _text(kernfs.kernfs_path(found)) if found else "NULL", _text(kernfs.kernfs_name(found)))
    _section(out, "cgroup kernfs", cgroups)

    _section(out, "block", lambda: (printed(block.print_disks, prog), printed(block.print_partitions, prog)))

    def users():
        _line(out, sorted(u.uid.val.value_() for u in user.for_each_user(prog)),
              user.find_user(prog, 0).uid.val.value_(), user.find_user(prog, 4242))
    _section(out, "user", users)

    def nets():
        nss = list(net.for_each_net(prog))
        _line(out, "namespaces", len(nss), nss[0] == prog["init_net"].address_of_())
        lo = net.netdev_get_by_name(prog, "lo")
        _line(out, "lo", lo.ifindex.value_(), net.netdev_get_by_index(prog, lo.ifindex) == lo,
              len(list(net.netdev_for_each_tx_queue(lo))), net.netdev_get_by_name(prog, "nope"))
        for task in __import__("drgn.helpers.linux.pid", fromlist=["x"]).for_each_task(prog):
            if not task.files:
                continue
            for fd, f in fs.for_each_file(task):
                if f.f_op == prog["socket_file_ops"].address_of_():
                    sock = net.SOCKET_I(f.f_inode)
                    sk = sock.sk
                    _line(out, task.pid.value_(), fd, net.SOCK_INODE(sock) == f.f_inode,
                          tcp.sk_tcpstate(sk).format_() if sk.__sk_common.skc_family == 2 else "-",
                          net.sk_fullsock(sk))
    _section(out, "net", nets)

    def bpfs():
        _line(out, len(list(bpf.bpf_prog_for_each(prog))), len(list(bpf.bpf_map_for_each(prog))),
              len(list(bpf.bpf_btf_for_each(prog))), len(list(bpf.bpf_link_for_each(prog))))
    _section(out, "bpf", bpfs)
    _section(out, "kconfig", lambda: _line(out, len(kconfig.get_kconfig(prog))))
    _section(out, "percpu_counter_sum", lambda: _line(out, percpu.percpu_counter_sum(prog["vm_committed_as"].address_of_())))

    def lists():
        head = prog["init_task"].tasks.address_of_()
        dlist.validate_list(head)
        _line(out, len(list(dlist.validate_list_for_each_entry("struct task_struct", head, "tasks"))),
              dlist.list_is_singular(head), dlist.list_empty(head),
              dlist.list_first_entry(head, "struct task_struct", "tasks").pid.value_(),
              dlist.list_last_entry(head, "struct task_struct", "tasks").pid.value_())
        ids = [i for i, _ in idr.idr_for_each(prog["init_pid_ns"].idr.address_of_())]
        _line(out, "idr", len(ids), ids[:5])
        root = prog["vmap_area_root"].address_of_()
        nodes = list(rbtree.rbtree_inorder_for_each(root))
        _line(out, "rbtree", len(nodes), rbtree.rb_first(root) == nodes[0], rbtree.rb_last(root) == nodes[-1],
              all(rbtree.rb_next(a) == b for a, b in zip(nodes, nodes[1:])),
              all(rbtree.rb_prev(b) == a for a, b in zip(nodes, nodes[1:])), rbtree.RB_EMPTY_ROOT(root))
        areas = list(rbtree.rbtree_inorder_for_each_entry("struct vmap_area", root, "rb_node"))
        _line(out, "vmap_area", [hex(a.va_start.value_()) for a in areas[:4]])
        rbtree.validate_rbtree("struct vmap_area", root, "rb_node",
                               lambda a, b: a.va_start.value_() - b.va_start.value_(), False)
        found = rbtree.rb_find("struct vmap_area", root, "rb_node", areas[len(areas) // 2].va_start.value_(),
                               lambda k, a: k - a.va_start.value_())
        _line(out, "rb_find", found == areas[len(areas) // 2], decode_flags(6, [("A", 1), ("B", 2)]))
    _section(out, "list idr rbtree", lists)


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
    with open(out_path.replace(".helpers.txt", ".helpers-more.txt"), "w") as out:
        report_more(prog, out)


if __name__ == "__main__":
    main(sys.argv[1:])
