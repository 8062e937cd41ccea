"""Device numbers (drgn.helpers.linux.device): the kernel's dev_t, 12-bit major and 20-bit minor."""

import operator

from drgn import Object

__all__ = ("MAJOR", "MINOR", "MKDEV")

_MINORBITS = 20
_MINORMASK = (1 << _MINORBITS) - 1


def MAJOR(dev):
    """The major number of a ``dev_t`` (an ``unsigned int`` Object for an Object, else an int)."""
    major = operator.index(dev) >> _MINORBITS
    return Object(dev.prog_, "unsigned int", major) if isinstance(dev, Object) else major


def MINOR(dev):
    """The minor number of a ``dev_t``."""
    minor = operator.index(dev) & _MINORMASK
    return Object(dev.prog_, "unsigned int", minor) if isinstance(dev, Object) else minor


def MKDEV(major, minor):
    """A ``dev_t`` from a major and minor number (a ``dev_t`` Object if either is an Object)."""
    dev = (operator.index(major) << _MINORBITS) | operator.index(minor)
    for x in (major, minor):
        if isinstance(x, Object):
            return Object(x.prog_, "dev_t", dev)
    return dev
