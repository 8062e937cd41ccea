"""Memory helpers (drgn.helpers.common.memory)."""

import operator

from drgn import SymbolKind
from drgn.helpers.common.prog import takes_program_or_default

__all__ = ("identify_address",)


@takes_program_or_default
def identify_address(prog, addr):
    """What an address refers to ("function symbol: name+0xoff", "object symbol: ..."), or None.

    Takes an Object (a pointer), or an integer with or without a Program. Slab objects of the
    Linux kernel are not identified yet (they need the slab helpers).
    """
    addr = operator.index(addr)
    try:
        sym = prog.symbol(addr)
    except LookupError:
        return None
    kind = {SymbolKind.OBJECT: "object symbol", SymbolKind.FUNC: "function symbol"}.get(sym.kind, "symbol")
    return f"{kind}: {sym.name}+{addr - sym.address:#x}"
