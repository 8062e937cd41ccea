"""Kernel configuration (drgn.helpers.linux.kconfig): the IKCONFIG copy built into the kernel."""

import gzip
import types

from drgn.helpers.common.prog import takes_program_or_default

__all__ = ("get_kconfig",)


@takes_program_or_default
def get_kconfig(prog):
    """The kernel's build configuration as a read-only mapping ("CONFIG_X" -> "y", ...).

    Needs CONFIG_IKCONFIG (the kernel_config_data blob); LookupError otherwise.
    """
    try:
        return prog.cache["jdrgn_kconfig"]
    except (AttributeError, KeyError):
        pass
    try:
        start = prog.symbol("kernel_config_data").address
        end = prog.symbol("kernel_config_data_end").address
    except LookupError:
        raise LookupError("kernel configuration data not found; kernel must be compiled with CONFIG_IKCONFIG") from None
    data = gzip.decompress(prog.read(start + 8, end - start - 8))   # after the "IKCFG_ST" magic
    result = {}
    for line in data.decode().splitlines():
        if line.startswith("#") or "=" not in line:
            continue
        name, value = line.split("=", 1)
        result[name] = value
    mapping = types.MappingProxyType(result)
    try:
        prog.cache["jdrgn_kconfig"] = mapping
    except AttributeError:
        pass
    return mapping
