"""IDRs (drgn.helpers.linux.idr), adapted to jdrgn's Java helpers (Linux 4.20+ XArray-based IDRs)."""

from drgn import Object
from drgn.helpers.linux import _kernel

__all__ = ("idr_find", "idr_for_each")


def idr_find(idr, id):
    """The ``void *`` entry of ``id`` in a ``struct idr *``, or NULL."""
    prog = idr.prog_
    return Object(prog, "void *", value=_kernel.call(prog, "idr_find", idr.value_(), id))


def idr_for_each(idr):
    """(id, ``void *``) pairs of a ``struct idr *``, in id order."""
    base = idr.idr_base.value_()
    prog = idr.prog_
    pairs = _kernel.call(prog, "xa_for_each", idr.idr_rt.address_of_().value_(), 0)
    for i in range(0, len(pairs), 2):
        yield pairs[i] + base, Object(prog, "void *", value=pairs[i + 1])
