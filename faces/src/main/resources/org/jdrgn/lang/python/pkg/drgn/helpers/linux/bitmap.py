"""Bitmaps (drgn.helpers.linux.bitmap)."""

from drgn.helpers.linux.bitops import for_each_set_bit

__all__ = ("bitmap_weight",)


def bitmap_weight(bitmap, size):
    """The number of set bits among the first ``size`` of a bitmap."""
    return sum(1 for _ in for_each_set_bit(bitmap, size))
