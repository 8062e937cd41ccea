"""Memory management (drgn.helpers.linux.mm): pages, address conversions, process memory.

x86-64 layout: the memory map (``struct page``) starts at ``vmemmap``; the direct map at
PAGE_OFFSET (_linux_helper_direct_mapping_offset). The page walk runs in Java.
"""

import operator

from _drgn import _linux_helper_direct_mapping_offset, _linux_helper_read_vm
from drgn import Object, Program, cast
from drgn.helpers.common.format import decode_enum_type_flags
from drgn.helpers.common.prog import takes_program_or_default
from drgn.helpers.linux._kernel import call

# PageX -> the enum pageflags bit it tests
_PAGE_FLAGS = {
    "Active": "active", "Checked": "checked", "Dirty": "dirty", "DoubleMap": "double_map", "Error": "error",
    "Foreign": "foreign", "HWPoison": "hwpoison", "HasHWPoisoned": "has_hwpoisoned", "Idle": "idle",
    "Isolated": "isolated", "LRU": "lru", "Locked": "locked", "MappedToDisk": "mappedtodisk",
    "Mlocked": "mlocked", "OwnerPriv1": "owner_priv_1", "Pinned": "pinned", "Private": "private",
    "Private2": "private_2", "Readahead": "readahead", "Reclaim": "reclaim", "Referenced": "referenced",
    "Reported": "reported", "Reserved": "reserved", "SavePinned": "savepinned",
    "SkipKASanPoison": "skip_kasan_poison", "Slab": "slab", "SlobFree": "slob_free",
    "SwapBacked": "swapbacked", "Uncached": "uncached", "Unevictable": "unevictable", "Uptodate": "uptodate",
    "VmemmapSelfHosted": "vmemmap_self_hosted", "Waiters": "waiters", "Workingset": "workingset",
    "Writeback": "writeback", "XenRemapped": "xen_remapped", "Young": "young",
}

__all__ = (
    "PFN_PHYS", "PHYS_PFN", "PageCompound", "PageHead", "PageTail", "access_process_vm", "access_remote_vm",
    "cmdline", "compound_head", "compound_nr", "compound_order", "decode_page_flags", "environ",
    "for_each_page", "page_size", "page_to_pfn", "page_to_phys", "page_to_virt", "pfn_to_page", "pfn_to_virt",
    "phys_to_page", "phys_to_virt", "virt_to_page", "virt_to_pfn", "virt_to_phys",
) + tuple("Page" + f for f in _PAGE_FLAGS)


def _flag_test(flag, bit_name):
    name = "PG_" + bit_name

    def test(page):
        try:
            bit = page.prog_[name]
        except KeyError:
            return False                      # the kernel has no such flag
        return bool(page.flags.value_() & (1 << bit.value_()))

    test.__name__ = test.__qualname__ = "Page" + flag
    test.__doc__ = f"Whether the ``struct page *`` has {name} set (False if the kernel has no {name})."
    return test


for _f, _b in _PAGE_FLAGS.items():
    globals()["Page" + _f] = _flag_test(_f, _b)
del _f, _b


def _pg(page, name):
    return page.flags.value_() & (1 << page.prog_[name].value_())


def _fake_head(page):
    """A HugeTLB vmemmap-optimized "head" that is really a tail: page[1] points elsewhere."""
    head = page[1].compound_head.value_()
    return bool(head & 1) and head - 1 != page.value_()


def PageCompound(page):
    """Whether a ``struct page *`` is part of a compound page."""
    page = page.read_()
    return bool(_pg(page, "PG_head") or page.compound_head.value_() & 1)


def PageHead(page):
    """Whether a ``struct page *`` is the head of a compound page."""
    page = page.read_()
    return bool(_pg(page, "PG_head")) and not _fake_head(page)


def PageTail(page):
    """Whether a ``struct page *`` is a tail page of a compound page."""
    page = page.read_()
    if page.compound_head.value_() & 1:
        return True
    return bool(_pg(page, "PG_head")) and _fake_head(page)


def compound_head(page):
    """The head ``struct page *`` of the compound page a page belongs to (the page itself otherwise)."""
    page = page.read_()
    head = page.compound_head.value_()
    if head & 1:
        return Object(page.prog_, page.type_, value=head - 1)
    if _pg(page, "PG_head"):
        head = page[1].compound_head.value_()
        if head & 1:
            return Object(page.prog_, page.type_, value=head - 1)
    return page


def compound_order(page):
    """The allocation order of a possibly compound page (``unsigned int``)."""
    if not PageHead(page):
        return Object(page.prog_, "unsigned int", 0)
    return cast("unsigned int", page[1].compound_order)


def compound_nr(page):
    """The number of pages of a possibly compound page (``unsigned long``)."""
    return Object(page.prog_, "unsigned long", 1) << compound_order(page)


def page_size(page):
    """The size in bytes of a possibly compound page (``unsigned long``)."""
    return page.prog_["PAGE_SIZE"] << compound_order(page)


def decode_page_flags(page):
    """The flags of a ``struct page *`` as "PG_a|PG_b" (bits above __NR_PAGEFLAGS left out)."""
    nr = page.prog_["__NR_PAGEFLAGS"]
    return decode_enum_type_flags(page.flags.value_() & ((1 << nr.value_()) - 1), nr.type_)


@takes_program_or_default
def for_each_page(prog):
    """Every ``struct page *`` from min_low_pfn to max_pfn (holes may fault when read)."""
    yield from call(prog, "for_each_page")


def _prog_value(prog_or_obj, value, fn):
    if value is None:
        if not isinstance(prog_or_obj, Object):
            raise TypeError(f"{fn}() takes an Object, or a Program and an integer")
        return prog_or_obj.prog_, prog_or_obj
    if not isinstance(prog_or_obj, Program):
        raise TypeError(f"{fn}() takes a Program first when given two arguments")
    return prog_or_obj, value


def PFN_PHYS(prog_or_pfn, pfn=None):
    """The physical address of a page frame number (``phys_addr_t``)."""
    prog, pfn = _prog_value(prog_or_pfn, pfn, "PFN_PHYS")
    return Object(prog, "phys_addr_t", operator.index(pfn)) << prog["PAGE_SHIFT"]


def PHYS_PFN(prog_or_addr, addr=None):
    """The page frame number of a physical address (``unsigned long``)."""
    prog, addr = _prog_value(prog_or_addr, addr, "PHYS_PFN")
    return Object(prog, "unsigned long", operator.index(addr)) >> prog["PAGE_SHIFT"]


def page_to_pfn(page):
    """The page frame number of a ``struct page *`` (``unsigned long``)."""
    return cast("unsigned long", page - page.prog_["vmemmap"])


def page_to_phys(page):
    """The physical address of a ``struct page *`` (``phys_addr_t``)."""
    return PFN_PHYS(page_to_pfn(page))


def page_to_virt(page):
    """The direct-map address of a ``struct page *`` (``void *``)."""
    return pfn_to_virt(page_to_pfn(page))


def pfn_to_page(prog_or_pfn, pfn=None):
    """The ``struct page *`` of a page frame number."""
    prog, pfn = _prog_value(prog_or_pfn, pfn, "pfn_to_page")
    return prog["vmemmap"] + pfn


def pfn_to_virt(prog_or_pfn, pfn=None):
    """The direct-map address (``void *``) of a page frame number."""
    return phys_to_virt(PFN_PHYS(prog_or_pfn, pfn))


def phys_to_page(prog_or_addr, addr=None):
    """The ``struct page *`` of a physical address."""
    return pfn_to_page(PHYS_PFN(prog_or_addr, addr))


def phys_to_virt(prog_or_addr, addr=None):
    """The direct-map address (``void *``) of a physical address."""
    prog, addr = _prog_value(prog_or_addr, addr, "phys_to_virt")
    return Object(prog, "void *", operator.index(addr) + _linux_helper_direct_mapping_offset(prog))


def virt_to_page(prog_or_addr, addr=None):
    """The ``struct page *`` of a direct-map address."""
    return pfn_to_page(virt_to_pfn(prog_or_addr, addr))


def virt_to_pfn(prog_or_addr, addr=None):
    """The page frame number (``unsigned long``) of a direct-map address."""
    return PHYS_PFN(virt_to_phys(prog_or_addr, addr))


def virt_to_phys(prog_or_addr, addr=None):
    """The physical address (``unsigned long``) of a direct-map address."""
    prog, addr = _prog_value(prog_or_addr, addr, "virt_to_phys")
    return Object(prog, "unsigned long", operator.index(addr) - _linux_helper_direct_mapping_offset(prog))


def access_process_vm(task, address, size):
    """``size`` bytes at a user ``address`` of a ``struct task_struct *`` (FaultError if not mapped)."""
    return _linux_helper_read_vm(task.prog_, task.mm.pgd, address, size)


def access_remote_vm(mm, address, size):
    """``size`` bytes at ``address`` of a ``struct mm_struct *``'s address space."""
    return _linux_helper_read_vm(mm.prog_, mm.pgd, address, size)


def _args_area(task, start, end):
    mm = task.mm.read_()
    if not mm:
        return []
    start, end = mm.member_(start).value_(), mm.member_(end).value_()
    return access_remote_vm(mm, start, end - start).split(b"\0")[:-1]


def cmdline(task):
    """The command line of a ``struct task_struct *`` as a list of bytes (None for a kernel thread in v0.0.24+; [] here)."""
    return _args_area(task, "arg_start", "arg_end")


def environ(task):
    """The environment of a ``struct task_struct *`` as a list of bytes."""
    return _args_area(task, "env_start", "env_end")
