"""Helpers that apply to any program (drgn.helpers.common): formatting and types.
The drgn CLI imports everything listed in __all__ into the REPL."""
from drgn.helpers.common.format import (
    decode_enum_type_flags,
    decode_flags,
    escape_ascii_character,
    escape_ascii_string,
)
from drgn.helpers.common.memory import identify_address
from drgn.helpers.common.stack import print_annotated_stack
from drgn.helpers.common.type import enum_type_to_class

__all__ = (
    "decode_enum_type_flags",
    "decode_flags",
    "enum_type_to_class",
    "escape_ascii_character",
    "escape_ascii_string",
    "identify_address",
    "print_annotated_stack",
)
