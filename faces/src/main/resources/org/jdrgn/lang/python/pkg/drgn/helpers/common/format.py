"""Formatting helpers (drgn.helpers.common.format): ASCII escaping and flag decoding."""

import operator

__all__ = ("decode_enum_type_flags", "decode_flags", "escape_ascii_character", "escape_ascii_string")

_NAMED_ESCAPES = {0: "\\0", 7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r"}


def escape_ascii_character(c, escape_single_quote=False, escape_double_quote=False, escape_backslash=False):
    """One ASCII byte as text: non-printable bytes always escaped (\\n style, else \\xNN)."""
    if c in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[c]
    if (escape_single_quote and c == 0x27) or (escape_double_quote and c == 0x22) or (escape_backslash and c == 0x5C):
        return "\\" + chr(c)
    if 0x20 <= c <= 0x7E:
        return chr(c)
    return f"\\x{c:02x}"


def escape_ascii_string(buffer, escape_single_quote=False, escape_double_quote=False, escape_backslash=False):
    """Escape an iterable of ASCII byte values; see escape_ascii_character()."""
    return "".join(escape_ascii_character(c, escape_single_quote, escape_double_quote, escape_backslash)
                   for c in buffer)


def decode_flags(value, flags, bit_numbers=True):
    """A bitmask as "NAME|NAME|0xrest": flags are (name, bit number) or, if not bit_numbers, (name, value)."""
    value = operator.index(value)
    if value == 0:
        return "0"
    parts = []
    known = 0
    for name, flag in flags:
        mask = 1 << flag if bit_numbers else flag
        if mask and value & mask == mask:
            parts.append(name)
            known |= mask
    rest = value & ~known
    if rest:
        parts.append(hex(rest))
    return "|".join(parts)


def decode_enum_type_flags(value, type, bit_numbers=True):
    """decode_flags() with the flags taken from an enumerated drgn Type's enumerators."""
    enumerators = type.enumerators
    if enumerators is None:
        raise TypeError("cannot decode incomplete enumerated type")
    return decode_flags(value, [(e.name, e.value) for e in enumerators], bit_numbers)
