"""Loaded kernel modules (drgn.helpers.linux.module)."""

import operator

from drgn import NULL
from drgn.helpers.common.prog import takes_program_or_default
from drgn.helpers.linux.list import list_for_each_entry

__all__ = ("address_to_module", "find_module", "for_each_module", "module_address_regions",
           "module_percpu_region", "module_taints")


@takes_program_or_default
def for_each_module(prog):
    """Each loaded ``struct module *``, most recently loaded first."""
    return list_for_each_entry("struct module", prog["modules"].address_of_(), "list")


@takes_program_or_default
def find_module(prog, name):
    """The ``struct module *`` named ``name`` (str or bytes), or NULL."""
    if isinstance(name, str):
        name = name.encode()
    for mod in for_each_module(prog):
        if mod.name.string_() == name:
            return mod
    return NULL(prog, "struct module *")


def module_percpu_region(mod):
    """(start, size) of a module's per-CPU area, (0, 0) if it has none."""
    if not hasattr(mod, "percpu") or not mod.percpu:
        return (0, 0)
    return (mod.percpu.value_(), mod.percpu_size.value_())


def module_address_regions(mod):
    """(start, size) of each memory region of a module (its layouts before 6.4, mem[] after), empty ones left out."""
    if hasattr(mod, "mem"):
        layouts = [mod.mem[i] for i in range(len(mod.mem))]
        regions = [(m.base.value_(), m.size.value_()) for m in layouts]
    else:
        regions = [(mod.core_layout.base.value_(), mod.core_layout.size.value_()),
                   (mod.init_layout.base.value_(), mod.init_layout.size.value_())]
        if hasattr(mod, "data_layout"):
            regions.append((mod.data_layout.base.value_(), mod.data_layout.size.value_()))
    return [r for r in regions if r[1]]


@takes_program_or_default
def address_to_module(prog, addr):
    """The ``struct module *`` whose memory contains ``addr``, or NULL."""
    addr = operator.index(addr)
    for mod in for_each_module(prog):
        for start, size in module_address_regions(mod):
            if start <= addr < start + size:
                return mod
    return NULL(prog, "struct module *")


# the kernel's taint_flags letters, by bit
_TAINT_CHARS = "PFSRMBUDAWCIOELKXTN"


def module_taints(mod):
    """The taint letters of a module (as /proc/modules shows them), "" if untainted."""
    taints = mod.taints.value_()
    return "".join(c for i, c in enumerate(_TAINT_CHARS) if taints & (1 << i))
