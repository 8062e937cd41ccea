"""XArrays (drgn.helpers.linux.xarray), over org.jdrgn.linux.helpers (Linux 4.20+)."""

from drgn import cast
from drgn.helpers.linux._kernel import call

__all__ = ("xa_for_each", "xa_is_value", "xa_is_zero", "xa_load", "xa_to_value")

_XA_ZERO_ENTRY = 1030


def xa_load(xa, index, *, advanced=False):
    """The ``void *`` entry at ``index`` of a ``struct xarray *``; a zero entry reads as NULL unless advanced."""
    return call(xa.prog_, "xa_load", xa, index, advanced)


def xa_for_each(xa, *, advanced=False):
    """(index, ``void *``) pairs of a ``struct xarray *`` in index order (zero entries only if advanced)."""
    for index, entry in call(xa.prog_, "xa_for_each", xa, advanced):
        yield index, entry


def xa_is_value(entry):
    """Whether an xarray entry is a value (tagged integer) rather than a pointer."""
    return (entry.value_() & 1) != 0


def xa_to_value(entry):
    """The integer stored in a value entry, as an ``unsigned long``."""
    return cast("unsigned long", entry) >> 1


def xa_is_zero(entry):
    """Whether an entry is XA_ZERO_ENTRY (reserved)."""
    return entry.value_() == _XA_ZERO_ENTRY
