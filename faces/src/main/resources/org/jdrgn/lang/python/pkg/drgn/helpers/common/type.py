"""Type helpers (drgn.helpers.common.type)."""

import enum

__all__ = ("enum_type_to_class",)


def enum_type_to_class(type, name, exclude=(), prefix=""):
    """An enum.IntEnum class named name from an enumerated drgn Type's enumerators."""
    if type.enumerators is None:
        raise TypeError("enum type is incomplete")
    members = [(e.name[len(prefix):] if e.name.startswith(prefix) else e.name, e.value)
               for e in type.enumerators if e.name not in exclude]
    return enum.IntEnum(name, members)
