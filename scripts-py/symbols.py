"""Look up symbols by name or address, as drgn's prog.symbol() does.

    jdrgn -c CORE scripts-py/symbols.py main 0x555555555a49 g_workers
"""
import sys

for arg in sys.argv[1:]:
    try:
        key = int(arg, 0)
    except ValueError:
        key = arg
    try:
        sym = prog.symbol(key)
    except LookupError as e:
        print(f"{arg}: {e}")
        continue
    where = key - sym.address if isinstance(key, int) else 0
    print(f"{arg}: {sym.name}+{where:#x}/{sym.size:#x} at {sym.address:#x} ({sym.binding.name} {sym.kind.name})")
