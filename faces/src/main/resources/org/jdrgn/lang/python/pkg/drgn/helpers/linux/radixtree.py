"""Radix trees (drgn.helpers.linux.radixtree): since Linux 4.20 a radix tree is an XArray."""

from drgn.helpers.linux.xarray import xa_for_each, xa_load

__all__ = ("radix_tree_for_each", "radix_tree_lookup")


def radix_tree_lookup(root, index):
    """The ``void *`` entry at ``index`` of a ``struct radix_tree_root *``, or NULL."""
    return xa_load(root, index)


def radix_tree_for_each(root):
    """(index, ``void *``) pairs of a ``struct radix_tree_root *``."""
    return xa_for_each(root)
