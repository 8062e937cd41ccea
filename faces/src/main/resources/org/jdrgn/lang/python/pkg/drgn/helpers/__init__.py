"""drgn helpers: utilities for common debugging tasks (``common``) and the Linux kernel (``linux``)."""
