"""Traffic control (drgn.helpers.linux.tc)."""

import operator

from drgn import NULL
from drgn.helpers.linux.list import hlist_for_each_entry

__all__ = ("qdisc_lookup",)


def qdisc_lookup(dev, major):
    """The ``struct Qdisc *`` of a ``struct net_device *`` whose handle's major number is ``major``, or NULL."""
    major = operator.index(major) << 16
    prog = dev.prog_
    roots = [dev.qdisc.read_()]
    ingress = dev.ingress_queue.read_() if hasattr(dev, "ingress_queue") else None
    if ingress:
        roots.append(ingress.qdisc_sleeping.read_())
    for root in roots:
        if root.handle == major:
            return root
    for bucket in dev.qdisc_hash:
        for qdisc in hlist_for_each_entry("struct Qdisc", bucket.address_of_(), "hash"):
            if qdisc.handle == major:
                return qdisc
    return NULL(prog, "struct Qdisc *")
