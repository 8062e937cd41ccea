"""Kernfs, the filesystem behind sysfs and cgroupfs (drgn.helpers.linux.kernfs)."""

from drgn import NULL

__all__ = ("kernfs_name", "kernfs_path", "kernfs_walk")


def kernfs_name(kn):
    """The name of a ``struct kernfs_node *`` (bytes; b"(null)" for NULL)."""
    if not kn:
        return b"(null)"
    return kn.name.string_() if kn.parent else b"/"


def _kernfs_root(kn):
    while kn.parent:
        kn = kn.parent.read_()
    return kn.dir.root


def kernfs_path(kn):
    """The full path of a ``struct kernfs_node *`` from its root (bytes)."""
    if not kn:
        return b"(null)"
    kn = kn.read_()
    names = []
    while kn.parent:
        names.append(kn.name.string_())
        kn = kn.parent.read_()
    return b"/" + b"/".join(reversed(names))


def kernfs_walk(parent, path):
    """The ``struct kernfs_node *`` at ``path`` (str or bytes) below ``parent``, or NULL."""
    from drgn.helpers.linux.rbtree import rbtree_inorder_for_each_entry

    if isinstance(path, str):
        path = path.encode()
    kn = parent.read_()
    for name in path.split(b"/"):
        if not name:
            continue
        for child in rbtree_inorder_for_each_entry("struct kernfs_node", kn.dir.children.address_of_(), "rb"):
            if child.name.string_() == name:
                kn = child
                break
        else:
            return NULL(parent.prog_, parent.type_)
    return kn
