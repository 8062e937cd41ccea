"""Boot-time configuration (drgn.helpers.linux.boot)."""

from _drgn import _linux_helper_kaslr_offset, _linux_helper_pgtable_l5_enabled
from drgn.helpers.common.prog import takes_program_or_default

__all__ = ("kaslr_offset", "pgtable_l5_enabled")


@takes_program_or_default
def kaslr_offset(prog):
    """The kernel's address space layout randomization offset (0 when it is off)."""
    return _linux_helper_kaslr_offset(prog)


@takes_program_or_default
def pgtable_l5_enabled(prog):
    """Whether 5-level paging is enabled."""
    return _linux_helper_pgtable_l5_enabled(prog)
