#!/usr/bin/python3
"""Oracle for org.jdrgn.types: builds types with drgn 0.0.22's constructors and prints what
drgn gives for str(), type_name() and repr() of each, plus the errors of sizeof/member/
offsetof. Each type is built through a small builder that also emits an S-expression spec,
so the Java test can build the very same type without a hand-written copy.

Run: /usr/bin/python3 make_type_oracle.py > type_oracle.txt

Output: records separated by lines "=== <kind> <case>", fields by "--- <field>"; a field
whose evaluation raised prints "!<ExceptionName>: <message>".
"""
import sys
from drgn import (Architecture, Language, Object, Platform, PlatformFlags, Program,
                  Qualifiers, TypeEnumerator, TypeMember, TypeParameter, offsetof, sizeof)

prog = Program(Platform(Architecture.X86_64,
                        PlatformFlags.IS_64_BIT | PlatformFlags.IS_LITTLE_ENDIAN))


def sx(v):
    if v is None:
        return "nil"
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return v.spec


class B:
    """A drgn type together with its spec."""
    def __init__(self, t, spec):
        self.t = t
        self.spec = spec


def opts(q, lang, bo=None):
    s = " q%d %s" % (int(q.value) if q else 0, "cpp" if lang == Language.CPP else "c")
    if bo is not None:
        s += " " + bo
    return s


def kw(q, lang):
    d = {}
    if q:
        d["qualifiers"] = q
    if lang is not None:
        d["language"] = lang
    return d


def void(q=Qualifiers.NONE, lang=None):
    return B(prog.void_type(**kw(q, lang)), "(void" + opts(q, lang) + ")")


def int_(name, size, signed, bo=None, q=Qualifiers.NONE, lang=None):
    return B(prog.int_type(name, size, signed, bo, **kw(q, lang)),
             "(int %s %d %s%s)" % (sx(name), size, sx(signed), opts(q, lang, bo or "little")))


def bool_(name, size, bo=None, q=Qualifiers.NONE, lang=None):
    return B(prog.bool_type(name, size, bo, **kw(q, lang)),
             "(bool %s %d%s)" % (sx(name), size, opts(q, lang, bo or "little")))


def float_(name, size, bo=None, q=Qualifiers.NONE, lang=None):
    return B(prog.float_type(name, size, bo, **kw(q, lang)),
             "(float %s %d%s)" % (sx(name), size, opts(q, lang, bo or "little")))


def member(t, name=None, bit_offset=0, bit_field_size=None):
    """A member; t may be a B or a zero-argument callable returning one (lazy)."""
    if callable(t):
        obj = (lambda: t().t) if bit_field_size is None else \
            (lambda: Object(prog, t().t, bit_field_size=bit_field_size))
        spec_t = None
    else:
        obj = t.t if bit_field_size is None else Object(prog, t.t, bit_field_size=bit_field_size)
        spec_t = t.spec
    m = TypeMember(obj, name, bit_offset)
    return m, (lambda: "(m %s %s %d %d)" % (spec_t or t().spec, sx(name), bit_offset,
                                            bit_field_size or 0))


def compound(kind, tag, size=None, members=None, q=Qualifiers.NONE, lang=None):
    ctor = {"struct": prog.struct_type, "union": prog.union_type, "class": prog.class_type}[kind]
    if members is None:
        t = ctor(tag, **kw(q, lang))
        return B(t, "(%s %s nil nil%s)" % (kind, sx(tag), opts(q, lang)))
    t = ctor(tag, size, [m for m, _ in members], **kw(q, lang))
    spec = "(%s %s %d (%s)%s)" % (kind, sx(tag), size, " ".join(s() for _, s in members),
                                  opts(q, lang))
    return B(t, spec)


def struct(tag, size=None, members=None, **k):
    return compound("struct", tag, size, members, **k)


def union(tag, size=None, members=None, **k):
    return compound("union", tag, size, members, **k)


def class_(tag, size=None, members=None, **k):
    return compound("class", tag, size, members, **k)


def enum(tag, compat=None, enumerators=None, q=Qualifiers.NONE, lang=None):
    if compat is None:
        return B(prog.enum_type(tag, **kw(q, lang)), "(enum %s nil nil%s)" % (sx(tag), opts(q, lang)))
    t = prog.enum_type(tag, compat.t, [TypeEnumerator(n, v) for n, v in enumerators], **kw(q, lang))
    return B(t, "(enum %s %s (%s)%s)" % (sx(tag), compat.spec,
                                        " ".join("(e %s %d)" % (sx(n), v) for n, v in enumerators),
                                        opts(q, lang)))


def typedef(name, t, q=Qualifiers.NONE, lang=None):
    return B(prog.typedef_type(name, t.t, **kw(q, lang)),
             "(typedef %s %s%s)" % (sx(name), t.spec, opts(q, lang)))


def ptr(t, size=None, bo=None, q=Qualifiers.NONE, lang=None):
    return B(prog.pointer_type(t.t, size, bo, **kw(q, lang)),
             "(ptr %s %d%s)" % (t.spec, size or 8, opts(q, lang, bo or "little")))


def array(t, length=None, q=Qualifiers.NONE, lang=None):
    return B(prog.array_type(t.t, length, **kw(q, lang)),
             "(array %s %s%s)" % (t.spec, sx(length), opts(q, lang)))


def func(ret, params, variadic=False, q=Qualifiers.NONE, lang=None):
    ps = [(TypeParameter(p.t, n), "(p %s %s)" % (p.spec, sx(n))) for p, n in params]
    return B(prog.function_type(ret.t, [p for p, _ in ps], variadic, **kw(q, lang)),
             "(func %s (%s) %s%s)" % (ret.spec, " ".join(s for _, s in ps), sx(variadic),
                                     opts(q, lang)))


C, V, R, A = Qualifiers.CONST, Qualifiers.VOLATILE, Qualifiers.RESTRICT, Qualifiers.ATOMIC
i32 = int_("int", 4, True)
u32 = int_("unsigned int", 4, False)
char = int_("char", 1, True)
u8 = int_("unsigned char", 1, False)
long_ = int_("long", 8, True)
ulong = int_("unsigned long", 8, False)
dbl = float_("double", 8)
vd = void()

point = struct("point", 8, [member(i32, "x", 0), member(i32, "y", 32)])
anon_inner = struct(None, 8, [member(i32, "c", 0), member(i32, "d", 32)])
anon_union = union(None, 8, [member(long_, "l", 0), member(ptr(vd), "vp", 0)])
nested = struct("nested", 24, [member(i32, "a", 0), member(anon_inner, None, 32),
                               member(anon_union, None, 128)])
bitfields = struct("bits", 8, [member(u32, "a", 0, 3), member(u32, "b", 3, 5),
                               member(int_("int", 4, True), "c", 8, 1),
                               member(long_, "d", 9, 40), member(i32, None, 49, 2)])
fnptr = ptr(func(i32, [(ptr(vd), None)]))
ops = struct("ops", 24, [member(fnptr, "open", 0),
                         member(ptr(func(vd, [(i32, "fd"), (ptr(char, q=C), "fmt")], True)), "log", 64),
                         member(array(ptr(func(vd, [(i32, None)])), 1), "handlers", 128)])
color = enum("color", u32, [("RED", 0), ("GREEN", 1), ("BLUE", 2)])
signed_enum = enum("sgn", i32, [("NEG", -1), ("ZERO", 0), ("BIG", 2147483647), ("MIN", -2147483648)])
big_enum = enum("big", ulong, [("HUGE", 18446744073709551615), ("ONE", 1)])
inner_named = struct("inner", 4, [member(i32, "v", 0)])
with_named = struct("outer", 16, [member(inner_named, "in", 0), member(ptr(struct("outer")), "next", 64)])
anon_struct_td = typedef("point_t", struct(None, 8, [member(i32, "x", 0), member(i32, "y", 32)]))
anon_enum = enum(None, i32, [("A", 0), ("B", 5)])
flex = struct("flex", 8, [member(i32, "len", 0), member(array(char), "data", 32)])
multi = array(array(i32, 3), 2)
empty_struct = struct("empty", 0, [])
all_quals = int_("int", 4, True, q=C | V | R | A)

CASES = [
    ("void", vd), ("const_void", void(C)), ("int", i32), ("uint", u32),
    ("char", char), ("schar", int_("signed char", 1, True)), ("uchar", u8),
    ("short", int_("short", 2, True)), ("ushort", int_("unsigned short", 2, False)),
    ("long", long_), ("ulong", ulong), ("llong", int_("long long", 8, True)),
    ("ullong", int_("unsigned long long", 8, False)),
    ("long_int_name", int_("long int", 8, True)),
    ("unsigned_name", int_("unsigned", 4, False)),
    ("lui_name", int_("long unsigned int", 8, False)),
    ("mismatch_sign", int_("long int", 8, False)),
    ("int128", int_("__int128", 16, True)),
    ("int_be", int_("int", 4, True, "big")),
    ("bool", bool_("_Bool", 1)), ("float", float_("float", 4)), ("double", dbl),
    ("long_double", float_("long double", 16)), ("double_long_name", float_("double long", 16)),
    ("const_int", int_("int", 4, True, q=C)), ("volatile_int", int_("int", 4, True, q=V)),
    ("cv_int", int_("int", 4, True, q=C | V)), ("all_quals", all_quals),
    ("atomic_int", int_("int", 4, True, q=A)),
    ("int_cpp", int_("int", 4, True, lang=Language.CPP)),
    ("ptr_int", ptr(i32)), ("ptr_void", ptr(vd)), ("ptr_ptr_char", ptr(ptr(char))),
    ("ptr_const_char", ptr(int_("char", 1, True, q=C))),
    ("const_ptr_const_char", ptr(int_("char", 1, True, q=C), q=C)),
    ("restrict_ptr", ptr(i32, q=R)), ("ptr_size4", ptr(i32, 4)), ("ptr_be", ptr(i32, 8, "big")),
    ("array_int4", array(i32, 4)), ("array_incomplete", array(i32)), ("array_zero", array(i32, 0)),
    ("array_ulong4", array(ulong, 4)), ("multi_array", multi),
    ("array_of_ptr", array(ptr(char), 3)), ("ptr_to_array", ptr(array(i32, 4))),
    ("ptr_to_incomplete_array", ptr(array(i32))),
    ("ptr_to_ptr_to_array", ptr(ptr(array(char, 8)))),
    ("const_array", array(i32, 2, q=C)), ("array_const_int", array(int_("int", 4, True, q=C), 2)),
    ("func_void", func(vd, [])), ("func_int_voidp", func(i32, [(ptr(vd), "p")])),
    ("func_variadic", func(i32, [(ptr(char, q=C), "fmt")], True)),
    ("func_only_variadic", func(i32, [], True)),
    ("fnptr", fnptr), ("fnptr_named_params", ptr(func(long_, [(i32, "a"), (ptr(ptr(char)), "b")]))),
    ("array_of_fnptr", array(ptr(func(vd, [(i32, None)])), 3)),
    ("ptr_to_array_of_fnptr", ptr(array(ptr(func(vd, [(i32, None)])), 3))),
    ("fn_returning_ptr", ptr(func(ptr(char), [(i32, None)]))),
    ("fn_returning_fnptr", ptr(func(ptr(func(i32, [(i32, None)])), [(long_, None)]))),
    ("fn_returning_ptr_array", ptr(func(ptr(array(i32, 4)), []))),
    ("const_fnptr", ptr(func(i32, []), q=C)),
    ("struct_point", point), ("struct_incomplete", struct("foo")),
    ("struct_anon_incomplete", struct(None)), ("union_incomplete", union("u")),
    ("const_struct", struct("point", 8, [member(i32, "x", 0), member(i32, "y", 32)], q=C)),
    ("struct_nested_anon", nested), ("struct_bitfields", bitfields),
    ("struct_fnptrs", ops), ("struct_named_inner", with_named),
    ("struct_flex", flex), ("struct_empty", empty_struct),
    ("union_anon", anon_union), ("struct_anon", anon_inner),
    ("union_named", union("val", 8, [member(long_, "i", 0), member(dbl, "d", 0), member(array(char, 8), "c", 0)])),
    ("class", class_("cls", 4, [member(i32, "x", 0)], lang=Language.CPP)),
    ("class_c", class_("cls", 4, [member(i32, "x", 0)])),
    ("struct_cpp", struct("s", 4, [member(i32, "x", 0)], lang=Language.CPP)),
    ("struct_member_quals", struct("q", 16, [member(int_("int", 4, True, q=C), "c", 0),
                                            member(ptr(char, q=V), "vp", 64)])),
    ("struct_array_members", struct("arr", 48, [member(array(ptr(char), 2), "names", 0),
                                               member(ptr(array(i32, 4)), "rows", 128),
                                               member(array(array(u8, 2), 3), "m", 192),
                                               member(array(i32), "tail", 256)])),
    ("struct_lazy_self", None),
    ("struct_deep_anon", struct("deep", 8, [member(union(None, 8, [member(struct(None, 8, [member(i32, "x", 0), member(i32, "y", 32)]), None, 0), member(long_, "z", 0)]), None, 0)])),
    ("struct_anon_member_of_named", struct("mix", 16, [member(struct("named", 4, [member(i32, "n", 0)]), None, 0), member(i32, "after", 64)])),
    ("struct_unnamed_bitfield_enum", struct("ue", 4, [member(color, "c", 0, 4), member(u32, None, 4, 28)])),
    ("struct_enum_member", struct("em", 8, [member(color, "c", 0), member(anon_enum, "a", 32)])),
    ("struct_typedef_member", struct("tm", 8, [member(anon_struct_td, "p", 0)])),
    ("enum_color", color), ("enum_signed", signed_enum), ("enum_big", big_enum),
    ("enum_incomplete", enum("inc")), ("enum_anon", anon_enum),
    ("enum_empty", enum("none", i32, [])), ("const_enum", enum("ce", i32, [("X", 1)], q=C)),
    ("typedef_int", typedef("myint", i32)), ("typedef_anon_struct", anon_struct_td),
    ("typedef_struct", typedef("point_t2", point)), ("typedef_incomplete_struct", typedef("foo_t", struct("foo"))),
    ("typedef_fnptr", typedef("handler_t", fnptr)), ("typedef_func", typedef("fn_t", func(vd, [(i32, None)]))),
    ("typedef_array", typedef("vec_t", array(i32, 4))), ("typedef_ptr", typedef("str_t", ptr(char))),
    ("const_typedef", typedef("cint_t", i32, q=C)), ("typedef_const", typedef("ci_t", int_("int", 4, True, q=C))),
    ("typedef_anon_enum", typedef("e_t", anon_enum)), ("typedef_anon_union", typedef("u_t", anon_union)),
    ("typedef_of_typedef", typedef("t2", typedef("myint", i32))),
    ("ptr_typedef", ptr(typedef("myint", i32))), ("ptr_anon_struct", ptr(anon_inner)),
    ("array_anon_struct", array(anon_inner, 2)), ("ptr_enum", ptr(color)),
    ("size_t", typedef("size_t", ulong)), ("ptrdiff_t", typedef("ptrdiff_t", long_)),
    ("bool_named_bool", bool_("bool", 1)),
    ("struct_member_ptr_anon", struct("pa", 40, [member(ptr(anon_inner), "p", 0),
                                                 member(array(anon_union, 2), "arr", 64),
                                                 member(struct(None, 8, [member(i32, "z", 0)], q=C), "cs", 192),
                                                 member(struct("foo"), "f", 256),
                                                 member(ptr(func(ptr(anon_inner), [(ptr(anon_union), "u")])), "fn", 256)])),
    ("typedef_ptr_anon", typedef("pa_t", ptr(anon_inner))),
    ("typedef_array_anon_enum", typedef("ae_t", array(anon_enum, 2))),
    ("fnptr_param_anon", ptr(func(vd, [(ptr(anon_inner), "a"), (anon_enum, None)]))),
    ("typedef_incomplete_array", typedef("ia_t", array(i32))),
    ("typedef_void", typedef("v_t", vd)), ("typedef_incomplete_enum", typedef("ie_t", enum("inc"))),
    ("ptr_const_ptr", ptr(ptr(char, q=C), q=C)), ("volatile_ptr_ptr", ptr(ptr(char), q=V)),
    ("ptr_func_qual_ret", ptr(func(ptr(char, q=C), [(int_("int", 4, True, q=C), "x")]))),
    ("ptr_array_const", ptr(array(i32, 2, q=C))),
    ("struct_weird_names", struct("it's", 4, [member(i32, 'q"uote', 0)])),
    ("union_with_anon_struct_bitfields", union("ub", 4, [member(struct(None, 4, [member(u32, "lo", 0, 16), member(u32, "hi", 16, 16)]), None, 0), member(u32, "all", 0)])),
]

# struct list { struct list *next; int v; } with the pointer built lazily
_list_holder = {}
_lst_ptr = lambda: _list_holder["p"]
lst = B(prog.struct_type("list", 16, [TypeMember(lambda: _lst_ptr().t, "next", 0),
                                     TypeMember(i32.t, "v", 64)]), None)
_list_holder["p"] = ptr(lst)
_list_holder["p"].spec = "(ptr (self) 8 q0 c little)"
lst.spec = '(struct "list" 16 ((m (ptr (self) 8 q0 c little) "next" 0 0) (m %s "v" 64 0)) q0 c)' % i32.spec
CASES = [(n, lst if n == "struct_lazy_self" else b) for n, b in CASES]


def field(name, f):
    try:
        v = f()
    except Exception as e:
        v = "!%s: %s" % (type(e).__name__, e)
    print("--- " + name)
    print(v)


def main():
    for name, b in CASES:
        print("=== type " + name)
        print("--- spec")
        print(b.spec)
        field("str", lambda: str(b.t))
        field("type_name", lambda: b.t.type_name())
        field("repr", lambda: repr(b.t))
        field("sizeof", lambda: sizeof(b.t))
        field("is_complete", lambda: b.t.is_complete())
        field("primitive", lambda: b.t.primitive.name if b.t.primitive else None)
        field("qualified_const_str", lambda: str(b.t.qualified(C)))
    # member lookups and offsetof designators
    lookups = [("nested", nested, ["a", "c", "d", "l", "vp", "zz"]),
               ("bits", bitfields, ["a", "b", "c", "d", "zz"]),
               ("deep", CASES[[n for n, _ in CASES].index("struct_deep_anon")][1], ["x", "y", "z"]),
               ("mix", CASES[[n for n, _ in CASES].index("struct_anon_member_of_named")][1], ["n", "after"]),
               ("typedef", anon_struct_td, ["x", "q"]), ("incomplete", struct("foo"), ["a"]),
               ("anon_union", anon_union, ["vp", "no"]), ("int", i32, ["a"]),
               ("typedef_int", typedef("myint", i32), ["a"]), ("ptr", ptr(point), ["x"])]
    for name, b, names in lookups:
        for m in names:
            print("=== member %s %s" % (name, m))
            print("--- spec")
            print(b.spec)
            field("member", lambda: repr(b.t.member(m)))
            field("bit_offset", lambda: b.t.member(m).bit_offset)
            field("has_member", lambda: b.t.has_member(m))
    arr = struct("arr", 48, [member(array(ptr(char), 2), "names", 0),
                             member(array(array(point, 2), 3), "m", 128),
                             member(ptr(point), "p", 128 + 6 * 64), member(i32, "tail", 128 + 7 * 64)])
    designators = [(arr, ["names", "names[1]", "m[2][1].y", "m[1]", "m[0x2][1]", "m[010][0]",
                          "m [ 1 ] [ 1 ] . x", "p", "p[1]", "tail[0]", "tail.x", "names[1].x",
                          "", "1", "m[-1]", "m[x]", "m[1].", "m[1", "zz", "m[1][1].zz", "m.x"]),
                   (bitfields, ["a", "b", "c", "d"]), (nested, ["c", "vp", "d"]),
                   (anon_struct_td, ["y"]), (i32, ["a"]), (struct("foo"), ["a"])]
    for b, ds in designators:
        for d in ds:
            print("=== offsetof %s" % d)
            print("--- spec")
            print(b.spec)
            field("offsetof", lambda: offsetof(b.t, d))


# ---- prog.type(name): a program whose type finder knows these types (kind, name, file) ----
from drgn import TypeKind  # noqa: E402

FINDER_TYPES = [
    ("STRUCT", "kyber_hctx_data", "block/kyber-iosched.c",
     struct("kyber_hctx_data", 16, [member(long_, "lock", 0), member(ptr(vd), "domain", 64)])),
    ("STRUCT", "list_head", None, struct("list_head", 16, [member(ptr(struct("list_head")), "next", 0),
                                                         member(ptr(struct("list_head")), "prev", 64)])),
    ("UNION", "val", None, union("val", 8, [member(long_, "i", 0), member(dbl, "d", 0)])),
    ("ENUM", "color", None, color),
    ("TYPEDEF", "myint", None, typedef("myint", i32)),
    ("TYPEDEF", "point_t", None, anon_struct_td),
    ("TYPEDEF", "sector_t", None, typedef("sector_t", ulong)),
    ("TYPEDEF", "size_t", None, typedef("size_t", int_("unsigned int", 4, False))),
    ("INT", "unsigned long", None, int_("unsigned long", 8, False, "big")),
    ("INT", "char", None, int_("char", 1, False)),
    ("FLOAT", "long double", None, float_("long double", 12)),
    ("BOOL", "_Bool", None, bool_("_Bool", 4)),
]


def finder(kind, name, filename):
    for k, n, f, b in FINDER_TYPES:
        if kind == TypeKind[k] and name == n and (filename is None or filename == f):
            return b.t
    return None


prog.add_type_finder(finder)

PARSE = [
    "struct kyber_hctx_data *", "struct kyber_hctx_data", "unsigned long[4]", "unsigned long",
    "long unsigned int", "const char * const", "char **", "char", "signed char", "unsigned char",
    "char unsigned", "myint", "myint *", "const myint", "myint const * const", "point_t",
    "point_t *", "sector_t", "size_t", "ptrdiff_t", "unsigned", "signed", "long long int",
    "long int unsigned", "short", "unsigned short int", "int", "int const", "long double", "double",
    "float", "_Bool", "void", "void *", "const void *", "union val", "enum color", "enum color [2]",
    "struct list_head *[3]", "int (*)[4]", "int (*[2])[3]", "int [4][5]", "int []", "int *[]",
    "int [2][]", "int ((*))", "int (*)", "int * * const volatile restrict _Atomic",
    "int *const*", "restrict int", "_Atomic int", "volatile int", "const const int",
    "int [0x10]", "int [010]", "int [08]", "int [ 4 ]", "  int  *  ", "int\t*",
    "struct list_head const *", "int [18446744073709551615]",
    "struct foo", "union foo *", "enum foo", "foo_t", "foo bar", "class foo", "__int128", "bool",
    "int (*)(void *)", "void (*[3])(int)", "char *(*)(int)", "int ()", "int (", "int *()",
    "int [", "int [4", "int )", "int x", "const", "", "const volatile", "double double",
    "short long", "unsigned float", "struct", "struct *", "union", "enum", "struct 1",
    "int [-1]", "int [1.5]", "int @", "int;", "int [0b1]", "int [1u]", "int [0x]",
    "int [18446744073709551616]", "long long long", "unsigned signed", "signed unsigned",
    "unsigned long short", "long int short", "int long short", "signed int char",
    "long unsigned int long long", "char int", "int char", "short int long",
    "long double long", "double long long", "float int", "void int", "_Bool int",
    "size_t int", "int size_t", "struct foo int", "int struct foo", "myint int", "int myint",
    "myint myint", "int [4]*", "int (*", "int [4]]", "int .", "int ...", "short short",
    "int short", "char short", "long char", "long long double", "void void",
    "unsigned char char", "double float", "long double double", "enum x { }",
    "int _Complex", "struct kyber_hctx_data int", "myint struct foo",
]
PARSE_IN_FILE = [("struct kyber_hctx_data", "block/kyber-iosched.c"),
                 ("struct kyber_hctx_data *", "other.c"), ("int", "other.c"),
                 ("unsigned long", "other.c"), ("myint", "other.c"), ("struct nope", "x.c")]


def parse_cases():
    for k, n, f, b in FINDER_TYPES:
        print("=== finder %s %s" % (k, n))
        print("--- file")
        print(f or "")
        print("--- spec")
        print(b.spec)
    for name, filename in [(n, None) for n in PARSE] + PARSE_IN_FILE:
        print("=== parse")
        print("--- input")
        print(name.encode("unicode_escape").decode())
        print("--- filename")
        print(filename or "")
        field("repr", lambda: repr(prog.type(name, filename)))
        field("type_name", lambda: prog.type(name, filename).type_name())


main()
parse_cases()
