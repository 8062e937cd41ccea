"""IDRs (drgn.helpers.linux.idr), over org.jdrgn.linux.helpers (Linux 4.20+ XArray-based IDRs)."""

from drgn.helpers.linux._kernel import call

__all__ = (
    "idr_find",
    "idr_for_each",
    "idr_for_each_entry",
)


def idr_find(idr, id):
    """The ``void *`` entry of ``id`` in a ``struct idr *``, or NULL."""
    return call(idr.prog_, "idr_find", idr, id)


def idr_for_each(idr):
    """(id, ``void *``) pairs of a ``struct idr *``, in id order."""
    for id, entry in call(idr.prog_, "idr_for_each", idr):
        yield id, entry


def idr_for_each_entry(idr, type):
    """(id, ``type *``) pairs of a ``struct idr *`` whose entries are ``type`` objects."""
    from drgn import cast
    prog = idr.prog_
    ptr = prog.pointer_type(prog.type(type) if isinstance(type, str) else type)
    for id, entry in idr_for_each(idr):
        yield id, cast(ptr, entry)
