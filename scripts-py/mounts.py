"""The initial mount namespace's mounts like /proc/mounts' first columns: source, mount point, type.

    jdrgn -c VMCORE -s VMLINUX scripts-py/mounts.py      (runs unchanged on drgn)
"""
from drgn.helpers.linux.fs import for_each_mount, mount_dst, mount_fstype, mount_src

for mnt in for_each_mount(prog):
    fields = (mount_src(mnt), mount_dst(mnt), mount_fstype(mnt))
    print(" ".join(f.decode("utf-8", "backslashreplace") for f in fields))
