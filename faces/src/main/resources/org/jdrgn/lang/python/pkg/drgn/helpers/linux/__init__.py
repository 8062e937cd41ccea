"""Linux kernel helpers (drgn.helpers.linux).

As in drgn, every helper is available from its own module (``drgn.helpers.linux.list``) and
from this package, which re-exports each submodule's ``__all__``. The submodules are imported
when the package's names are first needed (``from drgn.helpers.linux import *``,
``drgn.helpers.linux.find_task``), not when one submodule is imported, so a script that
imports ``drgn.helpers.linux.pid`` loads only that.
"""

import builtins
import importlib
import pkgutil

# submodules become attributes of this package as they are imported: drgn.helpers.linux.list
# shadows the builtin here, so builtins are named explicitly

_exports = None


def _load():
    global _exports
    if _exports is None:
        names, exports = [], {}
        for info in pkgutil.iter_modules(__path__, prefix=__name__ + "."):
            if info.name.rsplit(".", 1)[1].startswith("_"):
                continue
            module = importlib.import_module(info.name)
            for name in getattr(module, "__all__", ()):
                names.append(name)
                exports[name] = getattr(module, name)
        globals().update(exports)
        _exports = names
    return _exports


def __getattr__(name):
    if name == "__all__":
        return builtins.list(_load())
    if _exports is None and not name.startswith("__"):
        _load()
        if name in globals():
            return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return builtins.sorted(builtins.set(globals()) | builtins.set(_load()))
