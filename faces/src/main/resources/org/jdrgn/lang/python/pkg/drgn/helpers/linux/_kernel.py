"""The bridge of our Linux helpers to the Java engine: ``call(prog, name, *args)`` runs the
helper ``name`` of org.jdrgn.linux.helpers (through org.jdrgn.lang.KernelHelpers) and returns
Objects, ints, bools, bytes and lists of them. No kernel semantics live here."""

from _drgn_linux import _call as call  # noqa: F401
