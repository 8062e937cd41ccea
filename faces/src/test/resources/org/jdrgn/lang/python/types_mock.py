# Run with drgn 0.0.22 (/usr/bin/python3 types_mock.py > types_mock.drgn.txt) and under jdrgn; outputs must match
# except where MockTypesPythonTest documents an intended difference.
import drgn
from drgn import TypeMember, TypeParameter, TypeEnumerator, Qualifiers, TypeKind
p = drgn.Program(drgn.host_platform)
i = p.int_type("int", 4, True)
node = p.struct_type("node", 16, [TypeMember(i, "val", 0), TypeMember(lambda: p.pointer_type(node), "next", 64)])
print(node)
print(repr(node.members[1]), node.members[1].offset, node.members[1].type.type_name())
e = p.enum_type("color", p.int_type("unsigned int", 4, False), [TypeEnumerator("RED", 0), TypeEnumerator("BLUE", 5)])
print(e); print(repr(e)); print(e.enumerators, e.kind, e.type)
td = p.typedef_type("node_t", node)
print(td, td.type_name(), td.kind, td.type.tag)
a = p.array_type(p.pointer_type(i), 4)
print(a.type_name(), a.length, a.size if 0 else "", repr(a.type))
fn = p.function_type(i, [TypeParameter(p.pointer_type(p.void_type()), "arg")], True)
print(fn.type_name(), fn.parameters, fn.is_variadic)
c = i.qualified(Qualifiers.CONST | Qualifiers.VOLATILE)
print(c, c.qualifiers, c.unqualified() == i, i == i, i == p.int_type("int", 4, True))
print(p.type("int"), repr(p.type("unsigned long")), p.type("char **").type_name())
p.add_type_finder(lambda kind, name, filename: node if kind == TypeKind.STRUCT and name == "node" else None)
print(p.type("struct node *").type.members[0].name, p.type("struct node") == node)
for f in (lambda: i.members, lambda: node.name, lambda: node.member("nope"), lambda: p.type("struct nope"), lambda: p.type("int int int ["), lambda: i.length):
    try: f()
    except Exception as ex: print(type(ex).__name__, ex)
print(node.member("next").bit_offset, node.has_member("val"), i.primitive, i.byteorder, node.language, node.is_complete(), p.struct_type("opaque").is_complete())
print(isinstance(i, drgn.Type), isinstance(node.members[0], TypeMember), isinstance(fn.parameters[0], TypeParameter))
