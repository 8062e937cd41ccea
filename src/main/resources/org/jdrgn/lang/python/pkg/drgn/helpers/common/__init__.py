"""Helpers that apply to any program (drgn.helpers.common)."""
__all__ = ()
