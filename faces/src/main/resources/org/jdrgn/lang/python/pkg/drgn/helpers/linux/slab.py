"""Slab allocator (drgn.helpers.linux.slab): caches, and which cache an address belongs to.

SLUB (the only allocator of Linux 6.x): a slab is a ``struct slab`` overlaying its head page
(Linux 5.17+) or the ``struct page`` itself before.
"""

from drgn import NULL, Object, Program, cast
from drgn.helpers.common.format import escape_ascii_string
from drgn.helpers.common.prog import takes_program_or_default
from drgn.helpers.linux._kernel import call
from drgn.helpers.linux.list import list_for_each_entry
from drgn.helpers.linux.mm import PageSlab, compound_head, virt_to_page

__all__ = ("find_containing_slab_cache", "find_slab_cache", "for_each_slab_cache", "get_slab_cache_aliases",
           "print_slab_caches", "slab_cache_for_each_allocated_object", "slab_cache_is_merged", "slab_object_info")


@takes_program_or_default
def for_each_slab_cache(prog):
    """Each ``struct kmem_cache *`` of the slab_caches list (walked in Java)."""
    yield from call(prog, "for_each_slab_cache")


@takes_program_or_default
def find_slab_cache(prog, name):
    """The ``struct kmem_cache *`` named ``name`` (str or bytes), or None."""
    return call(prog, "find_slab_cache", name)


@takes_program_or_default
def print_slab_caches(prog):
    """Print each cache as "name (struct kmem_cache *)0x..."."""
    for s in for_each_slab_cache(prog):
        name = escape_ascii_string(s.name.string_(), escape_backslash=True)
        print(f"{name} ({s.type_.type_name()})0x{s.value_():x}")


def slab_cache_is_merged(slab_cache):
    """Whether other caches were merged into a ``struct kmem_cache *`` (SLUB: refcount > 1)."""
    return slab_cache.refcount > 1


@takes_program_or_default
def get_slab_cache_aliases(prog):
    """{alias name: cache name} of merged caches, from the slab kset's sysfs symlinks (SLUB + sysfs).

    Raises LookupError when the kernel has no slab_kset (SLAB, or SLUB without sysfs).
    """
    from drgn.helpers.linux.rbtree import rbtree_inorder_for_each_entry

    try:
        slab_kset = prog["slab_kset"]
    except KeyError:
        raise LookupError("SLUB sysfs (slab_kset) not found; aliases need CONFIG_SLUB and CONFIG_SYSFS") from None
    kernfs_link = prog["KERNFS_LINK"].value_()
    aliases = {}
    for child in rbtree_inorder_for_each_entry("struct kernfs_node", slab_kset.kobj.sd.dir.children.address_of_(), "rb"):
        if child.flags.value_() & 0xF == kernfs_link:
            kobj = cast("struct kobject *", child.symlink.target_kn.priv)
            target = Object(prog, "struct kmem_cache *",
                            value=kobj.value_() - prog.type("struct kmem_cache").member("kobj").offset)
            alias, name = child.name.string_().decode(), target.name.string_().decode()
            if alias != name:                         # a cache's own name links to its directory too
                aliases[alias] = name
    return aliases


def _slab_of(page):
    """The ``struct slab *`` (5.17+) or ``struct page *`` of a slab's head page."""
    prog = page.prog_
    try:
        return cast(prog.type("struct slab *"), page)
    except LookupError:
        return page


def _cache_of_page(page):
    head = compound_head(page)
    if not PageSlab(head):
        return None
    return _slab_of(head).slab_cache.read_()


def find_containing_slab_cache(prog_or_addr, addr=None):
    """The ``struct kmem_cache *`` of the slab containing a direct-map address, or NULL."""
    if addr is None:
        prog, addr = prog_or_addr.prog_, prog_or_addr
    else:
        prog = prog_or_addr
    cache = _cache_of_page(virt_to_page(prog, addr.value_() if isinstance(addr, Object) else addr))
    return cache if cache is not None else NULL(prog, "struct kmem_cache *")


class SlabObjectInfo:
    """Where an address is in the slab allocator: cache, slab, object address, allocated or free."""

    def __init__(self, slab_cache, slab, address, allocated):
        self.slab_cache = slab_cache
        self.slab = slab
        self.address = address
        self.allocated = allocated

    def __repr__(self):
        return (f"SlabObjectInfo(slab_cache={self.slab_cache!r}, slab={self.slab!r}, "
                f"address={hex(self.address)}, allocated={self.allocated})")

    def __eq__(self, other):
        return isinstance(other, SlabObjectInfo) and (self.slab_cache, self.slab, self.address, self.allocated) == \
            (other.slab_cache, other.slab, other.address, other.allocated)


def _freelist_ptr(cache, ptr, ptr_addr):
    """A free pointer as stored: CONFIG_SLAB_FREELIST_HARDENED xors it with s->random and its byte-swapped address."""
    if not hasattr(cache, "random"):
        return ptr
    swapped = int.from_bytes(ptr_addr.to_bytes(8, "little"), "big")
    return ptr ^ cache.random.value_() ^ swapped


def _free_objects(cache, first):
    """The addresses on a SLUB freelist from ``first`` (bounded by the slab's object count)."""
    prog = cache.prog_
    offset = cache.offset.value_()
    free = set()
    ptr = first
    for _ in range(1 << 16):
        if not ptr:
            break
        free.add(ptr)
        ptr = _freelist_ptr(cache, prog.read_u64(ptr + offset), ptr + offset)
    return free


def _cpu_freelists(cache):
    """The objects on every CPU's per-CPU freelist of the cache."""
    from drgn.helpers.linux.cpumask import for_each_online_cpu
    from drgn.helpers.linux.percpu import per_cpu_ptr

    free = set()
    for cpu in for_each_online_cpu(cache.prog_):
        c = per_cpu_ptr(cache.cpu_slab, cpu)
        free |= _free_objects(cache, c.freelist.value_())
    return free


def slab_object_info(prog_or_addr, addr=None):
    """A SlabObjectInfo for an address in a slab object, or None if it is not in a slab."""
    if addr is None:
        prog, addr = prog_or_addr.prog_, prog_or_addr
    else:
        prog = prog_or_addr
    addr = addr.value_() if isinstance(addr, Object) else int(addr)
    head = compound_head(virt_to_page(prog, addr))
    if not PageSlab(head):
        return None
    slab = _slab_of(head)
    cache = slab.slab_cache.read_()
    from drgn.helpers.linux.mm import page_to_virt
    start = page_to_virt(head).value_()
    size = cache.size.value_()
    index = (addr - start) // size
    if index >= slab.objects.value_():
        return SlabObjectInfo(cache, slab, addr, False)
    obj = start + index * size
    free = _free_objects(cache, slab.freelist.value_()) | _cpu_freelists(cache)
    return SlabObjectInfo(cache, slab, obj, obj not in free)


def slab_cache_for_each_allocated_object(slab_cache, type):
    """Each allocated object (``type *``) of a SLUB cache: the objects of its slabs (found by a scan
    of the memory map, in Java) that are on no freelist (the slab's or a CPU's)."""
    yield from call(slab_cache.prog_, "slab_cache_for_each_allocated_object", slab_cache, type)
