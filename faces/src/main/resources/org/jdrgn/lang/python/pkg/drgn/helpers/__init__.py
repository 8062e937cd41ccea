"""drgn helpers: utilities for common debugging tasks (``common``) and the Linux kernel (``linux``)."""

__all__ = ("ValidationError",)


class ValidationError(Exception):
    """A data structure is in an invalid state (raised by the ``validate_*`` helpers)."""
