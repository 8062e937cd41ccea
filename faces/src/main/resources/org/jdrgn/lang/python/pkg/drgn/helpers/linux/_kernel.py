"""The bridge of our Linux helpers to the Java engine (org.jdrgn.program.KernelHelperCalls).

The same bridge as drgn's ``_linux_helper_*`` primitives (``_drgn_linux``): Java takes and
returns addresses and numbers; these functions turn them into the objects drgn's helpers
return. No kernel semantics live here.
"""

from _drgn_linux import _call as call  # noqa: F401  (unsigned results, lists, bytes)
from drgn import Object


def task(prog, address):
    return Object(prog, "struct task_struct *", value=address)
