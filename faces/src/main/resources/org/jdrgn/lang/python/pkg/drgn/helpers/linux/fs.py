"""Virtual filesystem (drgn.helpers.linux.fs): paths, mounts and open files."""

import os

from drgn import Object, Program
from drgn.helpers.common.format import escape_ascii_string
from drgn.helpers.linux._kernel import call
from drgn.helpers.linux.list import hlist_for_each_entry, list_for_each_entry

__all__ = ("d_path", "dentry_path", "fget", "for_each_file", "for_each_mount", "inode_path", "inode_paths",
           "mount_dst", "mount_fstype", "mount_src", "path_lookup", "print_files", "print_mounts")

_DCACHE_MOUNTED = 0x10000        # d_flags bit: a filesystem is mounted on this dentry


def _children(dentry):
    """The child dentries (d_subdirs/d_child before Linux 6.8, d_children/d_sib after)."""
    if hasattr(dentry, "d_subdirs"):
        return list_for_each_entry("struct dentry", dentry.d_subdirs.address_of_(), "d_child")
    return hlist_for_each_entry("struct dentry", dentry.d_children.address_of_(), "d_sib")


def _mounted_on(mnt, dentry):
    """The last mount whose mountpoint is dentry within mnt, or None."""
    found = None
    for child in list_for_each_entry("struct mount", mnt.mnt_mounts.address_of_(), "mnt_child"):
        if child.mnt_mountpoint == dentry:
            found = child
    return found


def path_lookup(prog_or_root, path, allow_negative=False):
    """The ``struct path`` of ``path`` (str or bytes) from a ``struct path *`` root, or the
    initial task's root for a Program; looked up in the dentry cache, following mounts.
    Raises Exception if a component is not cached or (unless allow_negative) is negative."""
    if isinstance(prog_or_root, Program):
        prog_or_root = prog_or_root["init_task"].fs.root
    root = prog_or_root.read_()
    if root.type_.kind.name == "POINTER":
        root = root[0]
    mnt = Object(root.prog_, "struct mount *", value=root.mnt.value_() - _mnt_offset(root.prog_))
    dentry = root.dentry.read_()
    path = os.fsencode(path)
    done = []
    for name in path.split(b"/"):
        if not name or name == b".":
            continue
        done.append(name)
        if name == b"..":
            if dentry == mnt.mnt.mnt_root and mnt.mnt_parent != mnt:
                dentry, mnt = mnt.mnt_mountpoint.read_(), mnt.mnt_parent.read_()
            dentry = dentry.d_parent.read_()
        else:
            for child in _children(dentry):
                if child.d_name.name.string_() == name:
                    dentry = child
                    break
            else:
                raise Exception(f"could not find {b'/'.join(done).decode(errors='replace')!r} in dcache")
        while dentry.d_flags.value_() & _DCACHE_MOUNTED:
            child = _mounted_on(mnt, dentry)
            if child is None:
                break
            mnt, dentry = child, child.mnt.mnt_root.read_()
    if not allow_negative and not dentry.d_inode:
        raise Exception(f"{b'/'.join(done).decode(errors='replace')!r} dentry is negative")
    return Object(root.prog_, "struct path", value={"mnt": mnt.mnt.address_of_(), "dentry": dentry})


def _mnt_offset(prog):
    return prog.type("struct mount").member("mnt").offset


def d_path(path_or_vfsmnt, dentry=None):
    """The full path (bytes) of a ``struct path`` (or a ``struct vfsmount *`` and a ``struct dentry *``),
    across mounts up to the global root (walked in Java). A dentry whose name the filesystem makes
    up (d_op->d_dname: pipes, sockets, anonymous inodes) is "[fstype]", as in drgn."""
    return call(path_or_vfsmnt.prog_, "d_path", path_or_vfsmnt, dentry)


def dentry_path(dentry):
    """The path (bytes) of a ``struct dentry *`` relative to the root of its filesystem (b"" for the root)."""
    return call(dentry.prog_, "dentry_path", dentry)


def inode_paths(inode):
    """The path (bytes) of each dentry of a ``struct inode *``, from its filesystem's root."""
    for dentry in hlist_for_each_entry("struct dentry", inode.i_dentry.address_of_(), "d_u.d_alias"):
        yield dentry_path(dentry)


def inode_path(inode):
    """One path (bytes) of a ``struct inode *``, or None if it has no dentry."""
    return next(inode_paths(inode), None)


def mount_src(mnt):
    """The source device name (bytes) of a ``struct mount *``."""
    return call(mnt.prog_, "mount_src", mnt)


def mount_dst(mnt):
    """The mount point path (bytes) of a ``struct mount *``."""
    return call(mnt.prog_, "mount_dst", mnt)


def mount_fstype(mnt):
    """The filesystem type (bytes) of a ``struct mount *`` ("fuse.sshfs" style with a subtype)."""
    return call(mnt.prog_, "mount_fstype", mnt)


def for_each_mount(prog_or_ns, src=None, dst=None, fstype=None):
    """Each ``struct mount *`` of a ``struct mnt_namespace *`` (the initial one for a Program),
    optionally only those with this source, destination and filesystem type."""
    if isinstance(prog_or_ns, Program):
        prog, ns = prog_or_ns, None
    else:
        prog, ns = prog_or_ns.prog_, prog_or_ns
    src = None if src is None else os.fsencode(src)
    dst = None if dst is None else os.fsencode(dst)
    fstype = os.fsencode(fstype) if fstype else None
    for mnt in call(prog, "for_each_mount", ns):
        if ((src is None or mount_src(mnt) == src) and (dst is None or mount_dst(mnt) == dst)
                and (fstype is None or mount_fstype(mnt) == fstype)):
            yield mnt


def print_mounts(prog_or_ns, src=None, dst=None, fstype=None):
    """Print each mount as "src dst fstype (struct mount *)0x..."."""
    for mnt in for_each_mount(prog_or_ns, src, dst, fstype):
        print(f"{escape_ascii_string(mount_src(mnt), escape_backslash=True)} "
              f"{escape_ascii_string(mount_dst(mnt), escape_backslash=True)} "
              f"{escape_ascii_string(mount_fstype(mnt), escape_backslash=True)} "
              f"({mnt.type_.type_name()})0x{mnt.value_():x}")


def fget(task, fd):
    """The ``struct file *`` of a file descriptor of a ``struct task_struct *``."""
    return task.files.fdt.fd[fd]


def for_each_file(task):
    """(fd, ``struct file *``) of each open file descriptor of a ``struct task_struct *`` (its open_fds bits)."""
    for fd, f in call(task.prog_, "for_each_file", task):
        yield fd, f


def print_files(task):
    """Print each open file as "fd path (struct file *)0x..."."""
    for fd, f in for_each_file(task):
        path = escape_ascii_string(d_path(f.f_path.address_of_()), escape_backslash=True)
        print(f"{fd} {path} ({f.type_.type_name()})0x{f.value_():x}")
