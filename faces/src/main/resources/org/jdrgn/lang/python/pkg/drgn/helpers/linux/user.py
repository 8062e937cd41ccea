"""Users (drgn.helpers.linux.user): the uidhash_table of ``struct user_struct``."""

import operator

from drgn import NULL, Object
from drgn.helpers.common.prog import takes_program_or_default
from drgn.helpers.linux.list import hlist_for_each_entry

__all__ = (
    "find_user",
    "for_each_user",
    "kuid_val",
)

_UIDHASH_BITS = 7                 # CONFIG_BASE_SMALL=0


def _kuid_val(uid):
    if isinstance(uid, Object) and uid.type_.type_name() == "kuid_t":
        uid = uid.val
    return operator.index(uid)


@takes_program_or_default
def find_user(prog, uid):
    """The ``struct user_struct *`` of a UID (int or ``kuid_t``), or NULL."""
    uid = _kuid_val(uid)
    table = prog["uidhash_table"]
    mask = len(table) - 1
    bucket = table[((uid >> _UIDHASH_BITS) + uid) & mask]
    for user in hlist_for_each_entry("struct user_struct", bucket.address_of_(), "uidhash_node"):
        if user.uid.val == uid:
            return user
    return NULL(prog, "struct user_struct *")


@takes_program_or_default
def for_each_user(prog):
    """Each ``struct user_struct *`` of the system."""
    for bucket in prog["uidhash_table"]:
        yield from hlist_for_each_entry("struct user_struct", bucket.address_of_(), "uidhash_node")


def kuid_val(uid):
    """The integer value of a ``kuid_t`` (or an int)."""
    return _kuid_val(uid)
