"""Control groups v2 (drgn.helpers.linux.cgroup)."""

from drgn import NULL, Object, cast, container_of
from drgn.helpers.common.prog import takes_program_or_default
from drgn.helpers.linux.kernfs import kernfs_name, kernfs_path, kernfs_walk
from drgn.helpers.linux.list import list_for_each_entry

__all__ = ("cgroup_get_from_path", "cgroup_name", "cgroup_parent", "cgroup_path", "css_for_each_child",
           "css_for_each_descendant_pre", "css_next_child", "css_next_descendant_pre", "sock_cgroup_ptr")


def sock_cgroup_ptr(skcd):
    """The ``struct cgroup *`` of a ``struct sock_cgroup_data *``."""
    if hasattr(skcd, "cgroup"):
        return skcd.cgroup.read_()
    return cast("struct cgroup *", skcd.val)


def cgroup_parent(cgrp):
    """The parent ``struct cgroup *`` of a cgroup, or NULL for a root."""
    parent_css = cgrp.self.parent.read_()
    if parent_css:
        return container_of(parent_css, "struct cgroup", "self")
    return NULL(cgrp.prog_, "struct cgroup *")


def cgroup_name(cgrp):
    """The name (bytes) of a ``struct cgroup *``."""
    return kernfs_name(cgrp.kn)


def cgroup_path(cgrp):
    """The path (bytes) of a ``struct cgroup *`` in its hierarchy."""
    return kernfs_path(cgrp.kn)


@takes_program_or_default
def cgroup_get_from_path(prog, path):
    """The ``struct cgroup *`` at ``path`` of the default (v2) hierarchy, or NULL."""
    kn = kernfs_walk(prog["cgrp_dfl_root"].cgrp.kn, path)
    if not kn:
        return NULL(prog, "struct cgroup *")
    return cast("struct cgroup *", kn.priv)


def css_next_child(pos, parent):
    """The child ``struct cgroup_subsys_state *`` of ``parent`` after ``pos`` (the first if pos is NULL), or NULL."""
    prog = parent.prog_
    if not pos:
        nxt = parent.children.next
    elif not (pos.flags & prog["CSS_RELEASED"]):
        nxt = pos.sibling.next
    else:
        serial = pos.serial_nr
        nxt = NULL(prog, "struct list_head *")
        for child in list_for_each_entry("struct cgroup_subsys_state", parent.children.address_of_(), "sibling"):
            if child.serial_nr > serial:
                nxt = child.sibling.address_of_()
                break
        if not nxt:
            return NULL(prog, "struct cgroup_subsys_state *")
    if nxt == parent.children.address_of_():
        return NULL(prog, "struct cgroup_subsys_state *")
    return container_of(nxt, "struct cgroup_subsys_state", "sibling")


def css_next_descendant_pre(pos, root):
    """The next ``struct cgroup_subsys_state *`` of a pre-order walk of ``root``'s subtree, or NULL."""
    if not pos:
        return root
    nxt = css_next_child(NULL(root.prog_, "struct cgroup_subsys_state *"), pos)
    if nxt:
        return nxt
    while pos != root:
        nxt = css_next_child(pos, pos.parent)
        if nxt:
            return nxt
        pos = pos.parent
    return NULL(root.prog_, "struct cgroup_subsys_state *")


def _online(css):
    return bool(css.flags & css.prog_["CSS_ONLINE"])


def css_for_each_child(css):
    """Each online child ``struct cgroup_subsys_state *`` of a css."""
    for child in list_for_each_entry("struct cgroup_subsys_state", css.children.address_of_(), "sibling"):
        if _online(child):
            yield child


def css_for_each_descendant_pre(css):
    """Each online ``struct cgroup_subsys_state *`` of css's subtree (css first), pre-order."""
    pos = NULL(css.prog_, "struct cgroup_subsys_state *")
    for _ in range(1 << 24):
        pos = css_next_descendant_pre(pos, css)
        if not pos:
            return
        if _online(pos):
            yield pos
    raise ValueError(f"cgroup subtree of {hex(css)} does not end (corrupt css lists)")
