# Run with drgn 0.0.22 (/usr/bin/python3 objects_mock.py > objects_mock.drgn.txt) and under jdrgn;
# outputs must match except where MockObjectsPythonTest documents an intended difference.
import math
import struct
import drgn
from drgn import Object, TypeMember, cast, reinterpret, container_of, NULL, sizeof, offsetof, FaultError

p = drgn.Program(drgn.host_platform)
MEM = struct.pack("<iiqq", 7, -3, 0x1000, 0) + b"hello\0\0\0" + struct.pack("<8i", *range(8)) + b"\0" * 16
p.add_memory_segment(0x1000, len(MEM), lambda a, n, off, ph: MEM[off:off + n])
i = p.int_type("int", 4, True)
u = p.int_type("unsigned int", 4, False)
l = p.int_type("long", 8, True)
ch = p.int_type("char", 1, True)
pt = p.struct_type("point", 8, [TypeMember(i, "x", 0), TypeMember(i, "y", 32)])
node = p.struct_type("node", 32, [TypeMember(pt, "pt", 0), TypeMember(lambda: p.pointer_type(node), "next", 64),
                                  TypeMember(l, "z", 128), TypeMember(p.array_type(ch, 8), "name", 192)])
arr = p.array_type(i, 8)


def show(label, fn):
    try:
        v = fn()
        s = repr(v) if not isinstance(v, Object) else f"{v!s} | {v!r}"
    except Exception as e:  # noqa: BLE001
        s = f"ERROR {type(e).__name__}: {e}"
    print(f"{label}: {s}")


n = Object(p, node, address=0x1000)
a = Object(p, arr, address=0x1020)
show("node", lambda: n)
show("member", lambda: n.pt.y)
show("member_", lambda: n.member_("z"))
show("via pointer", lambda: n.next.pt.x)
show("name string_", lambda: n.name.string_())
show("addr of", lambda: n.pt.address_of_())
show("subscript", lambda: a[3])
show("neg subscript ptr", lambda: (a[4].address_of_())[-2])
show("len", lambda: len(a))
show("iter", lambda: [int(x) for x in a])
show("value_ struct", lambda: n.pt.value_())
show("value_ array", lambda: a.value_())
show("to_bytes_", lambda: n.pt.to_bytes_())
show("from_bytes_", lambda: Object.from_bytes_(p, pt, b"\x01\0\0\0\x02\0\0\0"))
show("add", lambda: n.pt.x + 1)
show("radd", lambda: 1 + n.pt.x)
show("sub ptr", lambda: a[5].address_of_() - a[1].address_of_())
show("ptr add", lambda: a[0].address_of_() + 3)
show("div", lambda: n.pt.x / 2)
show("mod neg", lambda: n.pt.y % 2)
show("shift", lambda: n.pt.x << 3)
show("unsigned wrap", lambda: Object(p, u, value=0) - 1)
show("mixed", lambda: Object(p, u, value=1) + Object(p, l, value=-5))
show("float", lambda: Object(p, i, value=3) * 1.5)
show("neg", lambda: -n.pt.x)
show("invert", lambda: ~n.pt.x)
show("cmp", lambda: (n.pt.x > 3, n.pt.y == -3, 7 == n.pt.x, n.pt.x != n.pt.y))
show("bool", lambda: (bool(n.pt.x), bool(n.z)))
show("int/float/index", lambda: (int(n.pt.y), float(n.pt.x), [10, 20, 30, 40, 50, 60, 70, 80][a[2]]))
show("round", lambda: (round(Object(p, p.float_type("double", 8), value=2.5)), math.floor(Object(p, p.float_type("double", 8), value=-1.5))))
show("hex", lambda: hex(n.next))
show("cast", lambda: cast("unsigned char", n.pt.y))
show("cast type", lambda: cast(p.pointer_type(pt), n.next))
show("reinterpret", lambda: reinterpret(u, n.pt.y))
show("container_of", lambda: container_of(n.pt.y.address_of_(), node, "pt.y"))
show("NULL", lambda: NULL(p, p.pointer_type(node)))
show("sizeof obj", lambda: sizeof(n))
show("offsetof", lambda: offsetof(node, "name"))
show("literal", lambda: Object(p, value=5))
show("literal big", lambda: Object(p, value=2**63))
show("value obj", lambda: Object(p, pt, value={"x": 1, "y": 2}))
show("absent", lambda: Object(p, i))
show("absent read", lambda: Object(p, i).value_())
show("format", lambda: n.format_(dereference=False, member_type_names=False))
show("format columns", lambda: a.format_(columns=20))
show("format bad kw", lambda: n.format_(bogus=True))
show("props", lambda: (n.address_, n.absent_, n.bit_offset_, n.bit_field_size_, n.type_, n.prog_ is p))
show("missing member", lambda: n.nope)
show("missing member_", lambda: n.member_("nope"))
show("fault", lambda: Object(p, i, address=0x10).value_())
show("div zero", lambda: n.pt.x / 0)
show("bad operand", lambda: n.pt.x + "s")
show("hash", lambda: hash(n))
show("isinstance", lambda: (isinstance(n, Object), isinstance(n.pt, drgn.Object)))
show("dir", lambda: [x for x in dir(n) if not x.startswith("_") and not x.endswith("_")])
show("eq ptr", lambda: n.next == Object(p, p.pointer_type(node), value=0x1000))
p.add_object_finder(lambda prog, name, flags, filename: Object(prog, i, value=42) if name == "answer" else None)
show("object finder", lambda: (p["answer"], p.object("answer", drgn.FindObjectFlags.VARIABLE), "answer" in p, "other" in p))
show("object finder miss", lambda: p.variable("other"))
show("object finder miss item", lambda: p["other"])
import copy
import pickle
show("copy object", lambda: copy.copy(n))
show("deepcopy object", lambda: copy.deepcopy(n))
show("pickle object", lambda: pickle.dumps(n))
show("copy program", lambda: copy.copy(p))
show("pickle type", lambda: pickle.dumps(i))
