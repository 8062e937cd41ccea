"""The slab caches like /proc/slabinfo's first columns: name, object size, slot size, objects
per slab, and whether other caches were merged into it.

    jdrgn -c VMCORE -s VMLINUX scripts-py/slabinfo.py      (runs unchanged on drgn)
"""
from drgn.helpers.linux.slab import for_each_slab_cache, slab_cache_is_merged

print(f"{'NAME':<28} {'OBJSIZE':>8} {'SIZE':>6} {'PERSLAB':>7} MERGED")
for s in for_each_slab_cache(prog):
    name = s.name.string_().decode("utf-8", "backslashreplace")
    per_slab = s.oo.x.value_() & 0xFFFF           # struct kmem_cache_order_objects: order << 16 | objects
    merged = "yes" if slab_cache_is_merged(s) else "no"
    print(f"{name:<28} {s.object_size.value_():>8} {s.size.value_():>6} {per_slab:>7} {merged}")
