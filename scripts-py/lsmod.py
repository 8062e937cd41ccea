"""The loaded kernel modules like lsmod(8): name, size of the core layout, reference count.

    jdrgn -c VMCORE -s VMLINUX scripts-py/lsmod.py      (runs unchanged on drgn)
"""
from drgn.helpers.linux.list import list_for_each_entry

print(f"{'Module':<20} {'Size':>8}  Used")
for mod in list_for_each_entry("struct module", prog["modules"].address_of_(), "list"):
    name = mod.name.string_().decode()
    size = mod.core_layout.size.value_() if hasattr(mod, "core_layout") else mod.mem[0].size.value_()
    print(f"{name:<20} {size:>8}  {mod.refcnt.counter.value_()}")
