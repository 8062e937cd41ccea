"""Memory helpers (drgn.helpers.common.memory)."""

import operator

from drgn import Object, SymbolKind

__all__ = ("identify_address",)


def identify_address(prog, addr=None):
    """What an address refers to ("function symbol: name+0xoff", "object symbol: ..."), or None.

    Takes an Object (a pointer) or a Program and an integer. Slab objects of the Linux kernel
    are not identified yet (they need the slab helpers).
    """
    if addr is None:
        if not isinstance(prog, Object):
            raise TypeError("expected Object or Program and address")
        addr = prog.value_()
        prog = prog.prog_
    addr = operator.index(addr)
    try:
        sym = prog.symbol(addr)
    except LookupError:
        return None
    kind = {SymbolKind.OBJECT: "object symbol", SymbolKind.FUNC: "function symbol"}.get(sym.kind, "symbol")
    return f"{kind}: {sym.name}+{addr - sym.address:#x}"
