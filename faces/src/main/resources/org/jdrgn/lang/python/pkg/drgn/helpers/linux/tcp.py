"""TCP (drgn.helpers.linux.tcp)."""

from drgn import Object

__all__ = ("sk_tcpstate",)


def sk_tcpstate(sk):
    """The TCP state of a ``struct sock *`` as the kernel's TCP_* enum Object."""
    prog = sk.prog_
    return Object(prog, prog["TCP_ESTABLISHED"].type_, sk.__sk_common.skc_state.value_())
