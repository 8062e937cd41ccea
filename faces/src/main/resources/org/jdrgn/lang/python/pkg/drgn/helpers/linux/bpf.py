"""BPF (drgn.helpers.linux.bpf): programs, maps, BTF objects, links, cgroup attachments."""

from drgn import cast
from drgn.helpers.common.prog import takes_program_or_default
from drgn.helpers.linux.idr import idr_for_each
from drgn.helpers.linux.list import hlist_for_each_entry

__all__ = ("bpf_btf_for_each", "bpf_link_for_each", "bpf_map_for_each", "bpf_prog_for_each",
           "cgroup_bpf_prog_for_each", "cgroup_bpf_prog_for_each_effective")


def _idr(prog, name, type_name):
    for _, entry in idr_for_each(prog[name].address_of_()):
        yield cast(type_name, entry)


@takes_program_or_default
def bpf_btf_for_each(prog):
    """Each ``struct btf *`` loaded in the kernel."""
    return _idr(prog, "btf_idr", "struct btf *")


@takes_program_or_default
def bpf_link_for_each(prog):
    """Each ``struct bpf_link *``."""
    return _idr(prog, "link_idr", "struct bpf_link *")


@takes_program_or_default
def bpf_map_for_each(prog):
    """Each ``struct bpf_map *``."""
    return _idr(prog, "map_idr", "struct bpf_map *")


@takes_program_or_default
def bpf_prog_for_each(prog):
    """Each ``struct bpf_prog *``."""
    return _idr(prog, "prog_idr", "struct bpf_prog *")


def cgroup_bpf_prog_for_each(cgrp, bpf_attach_type):
    """Each ``struct bpf_prog *`` attached to a ``struct cgroup *`` for an attach type."""
    progs = cgrp.bpf.progs[bpf_attach_type]
    for pl in hlist_for_each_entry("struct bpf_prog_list", progs.address_of_(), "node"):
        yield pl.prog.read_()


def cgroup_bpf_prog_for_each_effective(cgrp, bpf_attach_type):
    """Each ``struct bpf_prog *`` in effect for a ``struct cgroup *`` (its own and inherited), in order."""
    array = cgrp.bpf.effective[bpf_attach_type].read_()
    if not array:
        return
    for i in range(1 << 16):
        p = array.items[i].prog.read_()
        if not p:
            break
        yield p
