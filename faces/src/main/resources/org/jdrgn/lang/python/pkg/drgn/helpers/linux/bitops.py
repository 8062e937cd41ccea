"""Bit operations (drgn.helpers.linux.bitops): bits of an ``unsigned long`` bitmap, walked in Java."""

from drgn.helpers.linux._kernel import call

__all__ = ("for_each_clear_bit", "for_each_set_bit", "test_bit")


def for_each_set_bit(bitmap, size):
    """The indices of the set bits among the first ``size`` of a bitmap (array or pointer of unsigned long)."""
    yield from call(bitmap.prog_, "for_each_set_bit", bitmap, size)


def for_each_clear_bit(bitmap, size):
    """The indices of the clear bits among the first ``size`` of a bitmap."""
    yield from call(bitmap.prog_, "for_each_clear_bit", bitmap, size)


def test_bit(nr, bitmap):
    """Whether bit ``nr`` of a bitmap is set."""
    return call(bitmap.prog_, "test_bit", nr, bitmap)
