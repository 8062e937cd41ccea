"""jdrgn's subset of drgn's Module API (drgn >= 0.0.27): prog.modules(), prog.main_module(),
prog.module(address) and the Module attributes name, address_range, build_id, loaded_file_path,
loaded_file_bias, debug_file_path, debug_file_bias (RelocatableModule: address, section_addresses).

Loaded by _drgn (``import _drgn_module; _drgn_module.install(Program)``). Adapters only: the
modules (a kernel's are found in its module list, their .ko relocated) come from Java
(org.jdrgn.lang.python.PyModules); modules cannot be created or changed from Python.
"""

import operator
import java

_JModules = java.type("org.jdrgn.lang.python.PyModules")
_M64 = 0xFFFFFFFFFFFFFFFF


class Module:
    """A loaded binary of a program: executable, shared library, vDSO, kernel or kernel module."""

    __slots__ = ("prog", "name", "address_range", "build_id", "loaded_file_path", "loaded_file_bias",
                 "debug_file_path", "debug_file_bias")

    def __new__(cls, *args, **kwargs):
        raise TypeError("jdrgn finds modules itself: use prog.modules()")

    def __repr__(self):
        return f"prog.{_KIND_METHOD[type(self)]}({self.name!r})"

    def __eq__(self, other):
        return type(self) is type(other) and self.prog is other.prog and self.name == other.name \
            and self.address_range == other.address_range

    def __hash__(self):
        return hash((type(self), self.name, self.address_range))


class MainModule(Module):
    """The main executable (for the Linux kernel, vmlinux, named "kernel")."""
    __slots__ = ()


class SharedLibraryModule(Module):
    """A shared library of a userspace program."""
    __slots__ = ()


class VdsoModule(Module):
    """The vDSO of a userspace program."""
    __slots__ = ()


class RelocatableModule(Module):
    """A relocatable object loaded at run time: a Linux kernel module.

    address is its struct module's address; section_addresses maps each section the kernel
    loaded (sysfs's sect_attrs, plus .data..percpu) to its address.
    """
    __slots__ = ("address", "section_addresses")


_KINDS = {"main": MainModule, "shared_library": SharedLibraryModule, "vdso": VdsoModule,
          "relocatable": RelocatableModule}
_KIND_METHOD = {MainModule: "main_module", SharedLibraryModule: "shared_library_module",
                VdsoModule: "vdso_module", RelocatableModule: "relocatable_module"}


def _module(prog, t):
    m = object.__new__(_KINDS[t[0]])
    m.prog = prog
    m.name = t[1]
    start, end = t[2] & _M64, t[3] & _M64
    m.address_range = (start, end) if end != start else None
    m.build_id = bytes.fromhex(t[4]) if t[4] is not None else None
    m.loaded_file_path = t[5]
    m.loaded_file_bias = t[6] & _M64 if t[6] is not None else None
    m.debug_file_path = t[7]
    m.debug_file_bias = t[8] & _M64 if t[8] is not None else None
    if isinstance(m, RelocatableModule):
        m.address = t[9] & _M64
        m.section_addresses = {name: address & _M64 for name, address in t[10]}
    return m


def _modules(self):
    """An iterator over the program's modules (main module first)."""
    return iter([_module(self, t) for t in _JModules.of(self)])


def _main_module(self, name=None, *, create=False):
    """The main module; LookupError if the program has none (jdrgn cannot create one)."""
    for m in _modules(self):
        if isinstance(m, MainModule):
            return m
    raise LookupError("main module not found")


def _module_at(self, address):
    """The module whose address range contains address; LookupError if none."""
    address = operator.index(address) & _M64
    for m in _modules(self):
        if m.address_range is not None and m.address_range[0] <= address < m.address_range[1]:
            return m
    raise LookupError(f"module containing {address:#x} not found")


def install(program_class):
    program_class.modules = _modules
    program_class.main_module = _main_module
    program_class.find_main_module = lambda self: _main_module(self)
    program_class.module = _module_at
