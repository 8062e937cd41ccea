"""Linux kernel helpers (drgn.helpers.linux)."""
__all__ = ()
