#!/usr/bin/python3
"""drgn 0.0.22 oracle for the loaded kernel modules of one dump made by make-kernel-cores.sh.

Usage: /usr/bin/python3 oracle_modules.py CORE OUTPREFIX VMLINUX MODULE.ko...

Opens CORE as oracle.py does (set_core_dump, load_debug_info of the given files plus the
default search) and writes OUTPREFIX.modules.tsv, "key<TAB>value" rows (OracleFacts reads
it); a value drgn could not give reads "ERROR <ExceptionType>: <message>". Per loaded module
(the kernel's `modules` list), with M its name:
  module.M.{base,size,build_id,file}        core layout, build ID from its notes, matched .ko
  object.M.<name>.{address,type,sizeof,value}  every data symbol of the .ko's symtab whose
                                            name is in no other module (prog[name], format_())
  function.M.<name>.{address,symbol}         every function symbol: prog[name].address_ and
                                            prog.symbol(address + 1) as name+offset/size
  type.M.<struct>.size                       the structs the module's data symbols point into
  frame.<i>.{function,source}                frames in module code of the crashed thread
The .ko symtab is read with readelf (an independent tool), not through drgn.
"""
import subprocess
import sys

import drgn
from drgn.helpers.linux.list import list_for_each_entry


def one_line(text):
    return " ".join(str(text).split())


def err(e):
    return f"ERROR {type(e).__name__}: {one_line(e)}"


def ko_symbols(path):
    """(name, type) of the .ko's defined OBJECT and FUNC symbols, in symtab order."""
    out = []
    for line in subprocess.run(["readelf", "-sW", path], capture_output=True, text=True, check=True).stdout.splitlines():
        f = line.split()
        if len(f) == 8 and f[0].endswith(":") and f[6] != "UND" and f[3] in ("OBJECT", "FUNC"):
            out.append((f[7], f[3]))
    return out


def ko_name(path):
    """The module name the kernel gives the file: basename without .ko, '-' as '_'."""
    return path.rsplit("/", 1)[-1].split(".ko")[0].replace("-", "_")


def main():
    core, prefix, vmlinux, *mods = sys.argv[1:]
    rows = []
    keys = set()

    def fact(key, compute):
        try:
            value = compute() if callable(compute) else compute
        except Exception as e:  # every failure is recorded, whatever its type
            value = err(e)
        assert key not in keys, key
        keys.add(key)
        rows.append(f"{key}\t{one_line(value)}")
        return value

    prog = drgn.Program()
    fact("open.set_core_dump", lambda: prog.set_core_dump(core) or "ok")
    fact("open.load_debug_info", lambda: prog.load_debug_info([vmlinux] + mods, default=True) or "ok")
    files = {ko_name(m): m for m in mods}
    symbols = {name: ko_symbols(path) for name, path in files.items()}
    count = {}
    for syms in symbols.values():
        for s, _ in set(syms):
            count[s] = count.get(s, 0) + 1
    loaded = fact("modules", lambda: " ".join(
        m.name.string_().decode() for m in list_for_each_entry("struct module", prog["modules"].address_of_(), "list")))
    for name in (loaded.split() if not loaded.startswith("ERROR") else []):
        mod = next(m for m in list_for_each_entry("struct module", prog["modules"].address_of_(), "list")
                   if m.name.string_().decode() == name)
        base = mod.core_layout.base.value_()
        fact(f"module.{name}.base", hex(base))
        fact(f"module.{name}.size", mod.core_layout.size.value_())

        def build_id():
            na = mod.notes_attrs
            for i in range(na.notes.value_()):
                a = na.attrs[i]
                if a.attr.name.string_() == b".note.gnu.build-id":
                    note = prog.read(a.private.value_(), a.size.value_())
                    namesz = int.from_bytes(note[0:4], "little")
                    descsz = int.from_bytes(note[4:8], "little")
                    off = 12 + (namesz + 3) // 4 * 4
                    return note[off:off + descsz].hex()
            return "-"
        fact(f"module.{name}.build_id", build_id)
        fact(f"module.{name}.file", files.get(name, "-").rsplit("/", 1)[-1])
        structs = []
        for sym, kind in symbols.get(name, []):
            if count.get(sym, 0) != 1 or sym.startswith(("__UNIQUE_ID", "_note_", "__this_module")):
                continue
            if kind == "FUNC":
                address = fact(f"function.{name}.{sym}.address", lambda: hex(prog[sym].address_))
                if not address.startswith("ERROR"):
                    def symbolized(a=int(address, 16)):
                        s = prog.symbol(a + 1)
                        return f"{s.name}+{hex(a + 1 - s.address)}/{hex(s.size)}"
                    fact(f"function.{name}.{sym}.symbol", symbolized)
                continue
            obj = fact(f"object.{name}.{sym}.address", lambda: hex(prog[sym].address_))
            if obj.startswith("ERROR"):
                continue
            fact(f"object.{name}.{sym}.type", lambda: prog[sym].type_.type_name())
            fact(f"object.{name}.{sym}.sizeof", lambda: drgn.sizeof(prog[sym]))
            fact(f"object.{name}.{sym}.value", lambda: prog[sym].format_())
            t = prog[sym].type_
            while t.kind in (drgn.TypeKind.ARRAY, drgn.TypeKind.TYPEDEF, drgn.TypeKind.POINTER):
                t = t.type
            if t.kind == drgn.TypeKind.STRUCT and t.tag and t.type_name() not in structs:
                structs.append(t.type_name())
        for s in structs:
            fact(f"type.{name}.{s}.size", lambda: prog.type(s).size)
    def frames():
        ranges = [(m.core_layout.base.value_(), m.core_layout.base.value_() + m.core_layout.size.value_())
                  for m in list_for_each_entry("struct module", prog["modules"].address_of_(), "list")]
        trace = prog.crashed_thread().stack_trace()
        out = []
        for i, f in enumerate(trace):
            try:
                pc = f.pc
            except LookupError:
                continue
            if any(lo <= pc < hi for lo, hi in ranges):
                out.append((i, f))
        return out
    found = fact("frames", lambda: " ".join(str(i) for i, _ in frames()))
    if not found.startswith("ERROR"):
        for i, f in frames():
            fact(f"frame.{i}.function", lambda: f.name)
            fact(f"frame.{i}.pc", lambda: hex(f.pc))
            fact(f"frame.{i}.source", lambda: "%s:%d:%d" % f.source())
            fact(f"frame.{i}.symbol", lambda: "%s %s %s" % (f.symbol().name, hex(f.symbol().address), hex(f.symbol().size)))
    with open(prefix + ".modules.tsv", "w") as out:
        out.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
