"""Device numbers (drgn.helpers.linux.device): the kernel's dev_t, 12-bit major and 20-bit minor."""

import operator

__all__ = ("MAJOR", "MINOR", "MKDEV")

_MINORBITS = 20
_MINORMASK = (1 << _MINORBITS) - 1


def MAJOR(dev):
    """The major number (int) of a ``dev_t`` (an Object or int)."""
    return operator.index(dev) >> _MINORBITS


def MINOR(dev):
    """The minor number (int) of a ``dev_t``."""
    return operator.index(dev) & _MINORMASK


def MKDEV(major, minor):
    """A ``dev_t`` (int) from a major and minor number."""
    return (operator.index(major) << _MINORBITS) | operator.index(minor)
