#!/usr/bin/python3
"""drgn 0.0.22 oracle for one kernel dump made by make-kernel-cores.sh.

Usage: /usr/bin/python3 oracle.py CORE OUTPREFIX VMLINUX [MODULE.ko ...]

Opens CORE the way drgn's CLI does (set_core_dump, then load_debug_info of the given files
plus the default search) and writes, never stopping at a failure:
  OUTPREFIX.facts.tsv   "key<TAB>value" (org.jdrgn.testcores.OracleFacts reads it); a value
                        that drgn could not produce reads "ERROR <ExceptionType>: <message>"
  OUTPREFIX.traces.tsv  one row per stack frame of every task (see TRACE_COLUMNS)
  OUTPREFIX.drgn.txt    the same in drgn's own printed forms, for people
Prints one timing line on stdout.
"""
import struct
import sys
import time

import drgn
from drgn import FaultError, cast
from drgn.helpers.linux.percpu import per_cpu, per_cpu_ptr
from drgn.helpers.linux.pid import for_each_task
from drgn.helpers.linux.sched import task_cpu, task_state_to_char

TRACE_COLUMNS = ("task", "pid", "comm", "frame", "function", "file", "line", "column",
                 "pc", "sp", "inline", "interrupted", "symbol")
# Functions of the sysrq-c crash path whose variables the seed lines print.
SEED_FRAMES = ("crash_setup_regs", "__crash_kexec", "panic", "sysrq_handle_crash",
               "__handle_sysrq", "write_sysrq_trigger", "vfs_write", "ksys_write")


def one_line(text):
    return " ".join(str(text).split())


def err(e):
    return f"ERROR {type(e).__name__}: {one_line(e)}"


def cstr(obj):
    return obj.string_().decode(errors="replace")


class Out:
    def __init__(self, prefix):
        self.facts = open(prefix + ".facts.tsv", "w")
        self.traces = open(prefix + ".traces.tsv", "w")
        self.text = open(prefix + ".drgn.txt", "w")
        self.keys = set()
        self.traces.write("#" + "\t".join(TRACE_COLUMNS) + "\n")

    def fact(self, key, compute):
        """Record compute() (a callable or a value) under key; a drgn failure is recorded too."""
        try:
            value = compute() if callable(compute) else compute
        except Exception as e:  # the oracle records every failure, whatever its type
            value = err(e)
        assert key not in self.keys, key
        self.keys.add(key)
        self.facts.write(f"{key}\t{one_line(value)}\n")
        return value

    def say(self, *parts):
        print(*parts, file=self.text)

    def close(self):
        for f in (self.facts, self.traces, self.text):
            f.close()


def open_program(out, core, symfiles):
    prog = drgn.Program()
    t = time.monotonic()
    try:
        prog.set_core_dump(core)
    except Exception as e:
        out.fact("open.set_core_dump", err(e))
        return None, 0.0
    out.fact("open.set_core_dump", "ok")
    t = time.monotonic()
    try:
        prog.load_debug_info(symfiles, default=True, main=True)
        out.fact("open.load_debug_info", "ok")
    except drgn.MissingDebugInfoError as e:  # the CLI only warns about this
        out.fact("open.load_debug_info", err(e))
    except Exception as e:
        out.fact("open.load_debug_info", err(e))
        return None, 0.0
    return prog, time.monotonic() - t


def program_facts(out, prog):
    out.fact("drgn.version", drgn.__version__)
    out.fact("prog.flags", lambda: str(prog.flags))
    out.fact("platform.arch", lambda: prog.platform.arch.name)
    out.fact("platform.flags", lambda: str(prog.platform.flags))
    out.fact("symbol._text", lambda: hex(prog.symbol("_text").address))
    # VMCOREINFO as drgn reads it from kernel memory: the ELF note that vmcoreinfo_note
    # points to (what a kdump's note carries). Not vmcoreinfo_data: after kexec_file_load
    # that is a vmap of the crashkernel area, which /proc/vmcore leaves out.
    try:
        note = prog["vmcoreinfo_note"].value_()
        namesz, descsz, ntype = struct.unpack("<III", prog.read(note, 12))
        name = prog.read(note + 12, namesz).rstrip(b"\0").decode()
        text = prog.read(note + 12 + (namesz + 3) // 4 * 4, descsz).decode(errors="replace")
        out.fact("vmcoreinfo.note", f"name {name} type {ntype} descsz {descsz}")
        for line in text.rstrip("\0").split("\n"):
            if "=" in line:
                k, v = line.split("=", 1)
                out.fact("vmcoreinfo." + k, v)
    except Exception as e:
        out.fact("vmcoreinfo.note", err(e))
    init_task = prog["init_task"]
    out.fact("init_task.address", lambda: hex(init_task.address_))
    out.fact("init_task.comm", lambda: cstr(init_task.comm))
    out.fact("init_task.pid", lambda: init_task.pid.value_())
    uts = prog["init_uts_ns"]
    out.fact("init_uts_ns.address", lambda: hex(uts.address_))
    for field in ("sysname", "nodename", "release", "version", "machine", "domainname"):
        out.fact("init_uts_ns.name." + field, lambda: cstr(uts.name.member_(field)))
    out.fact("jiffies_64", lambda: prog["jiffies_64"].value_())
    # x86-64: jiffies is a linker alias of jiffies_64 that the DWARF only declares
    out.fact("jiffies", lambda: prog["jiffies"].value_())
    out.fact("nr_cpu_ids", lambda: prog["nr_cpu_ids"].value_())
    out.fact("crashing_cpu", lambda: prog["crashing_cpu"].value_())
    out.fact("panic_cpu", lambda: prog["panic_cpu"].counter.value_())
    out.say("drgn", drgn.__version__, "flags", prog.flags, "arch", prog.platform.arch)
    out.say("release:", out_value(lambda: cstr(uts.name.release)))
    out.say("version:", out_value(lambda: cstr(uts.name.version)))
    out.say("jiffies_64:", out_value(lambda: prog["jiffies_64"]))
    out.say("crashing_cpu:", out_value(lambda: prog["crashing_cpu"]))


def out_value(compute):
    """str(compute()), or the recorded form of its failure (str() may read memory too)."""
    try:
        return str(compute())
    except Exception as e:
        return err(e)


def cpu_facts(out, prog):
    try:
        ncpu = prog["nr_cpu_ids"].value_()
    except Exception as e:
        out.fact("cpus", err(e))
        return []
    out.say("\n=== runqueues")
    idle = []
    for cpu in range(ncpu):
        key = f"cpu.{cpu}"
        out.fact(key + ".runqueues", lambda: hex(per_cpu_ptr(prog["runqueues"].address_of_(), cpu).value_()))
        rq = per_cpu(prog["runqueues"], cpu)
        out.fact(key + ".curr", lambda: hex(rq.curr.value_()))
        out.fact(key + ".curr.pid", lambda: rq.curr.pid.value_())
        out.fact(key + ".curr.comm", lambda: cstr(rq.curr.comm))
        out.fact(key + ".idle", lambda: hex(rq.idle.value_()))
        out.say(f"cpu {cpu}: curr", out_value(lambda: f"pid {rq.curr.pid.value_()} {cstr(rq.curr.comm)}"))
        try:
            idle.append(rq.idle)
        except Exception:
            pass
    return idle


def trace_rows(out, prog, task, label):
    """Writes task's trace (rows + drgn's str) and returns it, or None when drgn raised."""
    addr = hex(task.value_())
    pid = task.pid.value_()
    comm = cstr(task.comm)
    out.say(f"\n=== stack trace: {label} pid {pid} {comm} task {addr}")
    try:
        trace = prog.stack_trace(task)
        text = str(trace)
    except Exception as e:
        out.fact(f"task.{addr}.trace", err(e))
        out.say(err(e))
        return None
    out.fact(f"task.{addr}.trace", f"{len(trace)} frames")
    out.say(text)
    for i, f in enumerate(trace):
        try:
            file, line, column = f.source()
        except LookupError:
            file, line, column = "-", "-", "-"
        try:
            sym = f.symbol()
            symtxt = f"{sym.name}+{hex(f.pc - sym.address)}/{hex(sym.size)}"
        except LookupError:
            symtxt = "-"
        # drgn raises LookupError for a pc or sp it does not know (e.g. a frame whose
        # registers are all unknown): the row then says so
        row = (addr, pid, comm, i, f.name or "-", file, line, column, out_value(lambda: hex(f.pc)),
               out_value(lambda: hex(f.sp)), int(f.is_inline), int(f.interrupted), symtxt)
        out.traces.write("\t".join(one_line(c) for c in row) + "\n")
    return trace


def task_facts(out, prog, idle):
    out.say("\n=== tasks (pid ppid state cpu comm task)")
    tasks = []
    try:
        for task in for_each_task(prog):
            tasks.append(task)
    except Exception as e:
        out.fact("tasks", err(e))
        return {}
    out.fact("tasks.count", len(tasks))
    out.fact("tasks", ",".join(str(t.pid.value_()) for t in tasks))
    out.fact("threads", lambda: ",".join(str(t.tid) for t in prog.threads()))
    by_comm = {}
    for t in tasks:
        addr = hex(t.value_())
        pid = t.pid.value_()
        comm = cstr(t.comm)
        by_comm.setdefault(comm, t)
        out.fact(f"task.{addr}.pid", pid)
        out.fact(f"task.{addr}.comm", comm)
        out.fact(f"task.{addr}.state", lambda: task_state_to_char(t))
        out.fact(f"task.{addr}.cpu", lambda: task_cpu(t))
        out.fact(f"task.{addr}.ppid", lambda: t.real_parent.pid.value_())
        out.say(f"{pid:5d} {t.real_parent.pid.value_():5d} {out_value(lambda: task_state_to_char(t))} "
                f"{out_value(lambda: task_cpu(t))} {comm} {addr}")
    for t in tasks:
        trace_rows(out, prog, t, "task")
    for cpu, t in enumerate(idle):
        addr = hex(t.value_())
        if f"task.{addr}.pid" not in out.keys:  # idle tasks are not on the task list
            out.fact(f"task.{addr}.pid", t.pid.value_())
            out.fact(f"task.{addr}.comm", cstr(t.comm))
            trace_rows(out, prog, t, f"idle task of cpu {cpu}")
    return by_comm


def frame_locals(out, prefix, frame):
    try:
        names = frame.locals()
    except Exception as e:
        out.fact(prefix + ".locals", err(e))
        return
    out.fact(prefix + ".locals", ",".join(names))
    out.say(f"  #{prefix.rsplit('.', 1)[-1]} {frame.name}:")
    for name in names:
        def value():
            v = frame[name]
            return "<absent>" if v.absent_ else v.format_(dereference=False)
        v = out.fact(f"{prefix}.{name}", value)
        out.say(f"    {name} = {one_line(v)}")


def seed(out, prog, key, trace, task):
    """The seed investigation's steps on the sysrq-c crash: the crashed task's trace, its
    frames' variables, a cast of a void pointer, a pointer difference, a per-CPU lookup."""
    out.say(f"\n=== seed: {key}")
    out.fact(key + ".trace", lambda: " | ".join(f.name or hex(f.pc) for f in trace))
    for i, f in enumerate(trace):
        if f.name in SEED_FRAMES:
            frame_locals(out, f"{key}.frame.{i}", f)
    names = [f.name for f in trace]
    if "__handle_sysrq" in names:
        f = trace[names.index("__handle_sysrq")]
        out.fact(key + ".op_p.handler", lambda: f["op_p"].handler.format_())
        out.fact(key + ".op_p.help_msg", lambda: cstr(f["op_p"].help_msg.read_()))
    if "crash_setup_regs" in names:
        # cast task->stack (void *) and take the distance of the saved pt_regs from it
        stack = cast("unsigned long *", task.stack)
        newregs = trace[names.index("crash_setup_regs")]["newregs"]
        out.fact(key + ".cast_stack", lambda: stack.format_(dereference=False))
        out.fact(key + ".newregs_minus_stack",
                 lambda: (cast("unsigned long *", newregs) - stack).format_())
        out.fact(key + ".newregs.ip", lambda: hex(newregs.ip.value_()))
    if "vfs_write" in names:
        f = trace[names.index("vfs_write")]
        out.fact(key + ".vfs_write.file.name", lambda: cstr(f["file"].f_path.dentry.d_name.name.read_()))
    def on_cpu():
        cpu = task_cpu(task)
        curr = per_cpu(prog["runqueues"], cpu).curr
        return f"cpu {cpu} curr {hex(curr.value_())} is_task {curr.value_() == task.value_()}"
    out.fact(key + ".per_cpu_curr", on_cpu)
    # rq pointers of two CPUs differ by their per-CPU offsets, counted in struct rq
    out.fact(key + ".rq1_minus_rq0", lambda: (per_cpu_ptr(prog["runqueues"].address_of_(), 1)
                                              - per_cpu_ptr(prog["runqueues"].address_of_(), 0)).format_())
    out.say(f"  trace of {cstr(task.comm)} as drgn prints it:\n{trace}")


def crash_facts(out, prog, by_comm):
    out.say("\n=== crash")
    try:
        t = prog.crashed_thread()
    except Exception as e:
        out.fact("crashed_thread.tid", err(e))
        t = None
    if t is not None:
        out.fact("crashed_thread.tid", t.tid)
        out.fact("crashed_thread.object", lambda: hex(t.object.value_()))
        out.fact("crashed_thread.comm", lambda: cstr(t.object.comm))
        out.say("crashed_thread:", t.tid, out_value(lambda: cstr(t.object.comm)))
        try:
            trace = t.stack_trace()
            seed(out, prog, "seed.crashed_thread", trace, t.object)
        except Exception as e:
            out.fact("seed.crashed_thread", err(e))
    # QEMU dumps leave crashing_cpu at -1 and name vCPUs as pids: follow the panicking
    # process by name as well.
    if "panicker" in by_comm:
        task = by_comm["panicker"]
        out.fact("panicker.task", hex(task.value_()))
        try:
            seed(out, prog, "seed.panicker", prog.stack_trace(task), task)
        except Exception as e:
            out.fact("seed.panicker", err(e))


def main():
    core, prefix, symfiles = sys.argv[1], sys.argv[2], sys.argv[3:]
    out = Out(prefix)
    t0 = time.monotonic()
    prog, load_s = open_program(out, core, symfiles)
    if prog is not None:
        try:
            program_facts(out, prog)
            idle = cpu_facts(out, prog)
            by_comm = task_facts(out, prog, idle)
            crash_facts(out, prog, by_comm)
        except Exception as e:  # a failure past opening: record where it stopped
            out.fact("oracle.stopped", err(e))
    out.close()
    print(f"{core}: load_debug_info {load_s:.2f} s, whole oracle {time.monotonic() - t0:.2f} s")


if __name__ == "__main__":
    main()
