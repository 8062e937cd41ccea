# drgn.helpers.common on a mock program: run with drgn 0.0.22 (/usr/bin/python3 helpers_common.py >
# helpers_common.drgn.txt) and under jdrgn (HelpersCommonTest); outputs must match.
import drgn
from drgn import TypeEnumerator
from drgn.helpers.common.format import (decode_enum_type_flags, decode_flags, escape_ascii_character,
                                        escape_ascii_string)
from drgn.helpers.common.type import enum_type_to_class

p = drgn.Program(drgn.host_platform)
u = p.int_type("unsigned int", 4, False)
bits = p.enum_type("style_bits", u, [TypeEnumerator("BOLD", 0), TypeEnumerator("ITALIC", 1), TypeEnumerator("UNDERLINE", 2)])
vals = p.enum_type("style_flags", u, [TypeEnumerator("S_BOLD", 1), TypeEnumerator("S_ITALIC", 2), TypeEnumerator("S_UNDERLINE", 4)])
F = [("BOLD", 0), ("ITALIC", 1), ("UNDERLINE", 2)]
for v in (0, 2, 5, 7, 27, 2**40):
    print(v, decode_flags(v, F), decode_flags(v, [(n, 1 << b) for n, b in F], bit_numbers=False),
          decode_enum_type_flags(v, bits), decode_enum_type_flags(v, vals, bit_numbers=False))
print(decode_flags(2, [("SMALL", 0), ("BIG", 1), ("LARGE", 1)]))
print(decode_flags(drgn.Object(p, u, value=6), F))
for c in (0, 7, 9, 10, 13, 27, 34, 39, 65, 92, 126, 127, 200):
    print(c, repr(escape_ascii_character(c)), repr(escape_ascii_character(c, True, True, True)))
print(repr(escape_ascii_string(b"a'b\"c\\d\x01\n", escape_double_quote=True, escape_backslash=True)))
E = enum_type_to_class(vals, "Style", exclude=("S_ITALIC",), prefix="S_")
print(list(E), E.BOLD == 1, E(4).name)
for f in (lambda: decode_enum_type_flags(1, p.enum_type("incomplete")), lambda: decode_enum_type_flags(1, p.typedef_type("bits_t", bits)), lambda: enum_type_to_class(p.enum_type("incomplete"), "X")):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
