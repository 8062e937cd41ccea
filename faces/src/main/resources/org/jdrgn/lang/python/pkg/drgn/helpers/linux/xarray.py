"""XArrays (drgn.helpers.linux.xarray), adapted to jdrgn's Java helpers (Linux 4.20+)."""

from drgn import Object, cast
from drgn.helpers.linux import _kernel

__all__ = ("xa_for_each", "xa_is_value", "xa_is_zero", "xa_load", "xa_to_value")

_XA_ZERO_ENTRY = 1030


def xa_load(xa, index, *, advanced=False):
    """The ``void *`` entry at ``index`` of a ``struct xarray *``; a zero entry reads as NULL unless advanced."""
    prog = xa.prog_
    entry = _kernel.call(prog, "xa_load", xa.value_(), index)
    if entry == _XA_ZERO_ENTRY and not advanced:
        entry = 0
    return Object(prog, "void *", value=entry)


def xa_for_each(xa, *, advanced=False):
    """(index, ``void *``) pairs of a ``struct xarray *`` in index order (zero entries only if advanced)."""
    prog = xa.prog_
    pairs = _kernel.call(prog, "xa_for_each", xa.value_(), 1 if advanced else 0)
    for i in range(0, len(pairs), 2):
        yield pairs[i], Object(prog, "void *", value=pairs[i + 1])


def xa_is_value(entry):
    return (entry.value_() & 1) != 0


def xa_to_value(entry):
    return cast("unsigned long", entry) >> 1


def xa_is_zero(entry):
    return entry.value_() == _XA_ZERO_ENTRY
