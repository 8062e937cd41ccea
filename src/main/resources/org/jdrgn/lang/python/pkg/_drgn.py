"""jdrgn's _drgn: the Python face of the Java engine (org.jdrgn).

drgn's own layout is a C extension ``_drgn`` re-exported by the ``drgn`` package; here the
engine is Java and this module adapts it: argument conversion, unsigned 64-bit values,
drgn's enums and exception classes.  No debugger semantics live here.
"""

import enum
import operator
import os
import java
import polyglot

_rt = polyglot.import_value("jdrgn")           # org.jdrgn.lang.python.PyRuntime
_M64 = 0xFFFFFFFFFFFFFFFF


def _u64(v):
    """A Java long carrying an unsigned 64-bit value -> Python int."""
    return v & _M64


def _s64(v):
    """An integer-like address -> the signed long Java takes (OverflowError past 64 bits)."""
    v = operator.index(v)
    if v < 0 or v > _M64:
        raise OverflowError("int too big to convert")
    return v - (1 << 64) if v >> 63 else v


# ---------------------------------------------------------------- exceptions
class FaultError(Exception):
    """Bad memory access."""

    def __init__(self, message, address):
        super().__init__(message, address)
        self.message = message
        self.address = address

    def __str__(self):
        return f"{self.message}: {self.address:#x}"


class MissingDebugInfoError(Exception):
    """Debugging information was not available."""


class ObjectAbsentError(Exception):
    """An object was absent (e.g. optimized out)."""


class OutOfBoundsError(Exception):
    """A value or bit field was out of bounds."""


class NoDefaultProgramError(Exception):
    """No default program was set (drgn 0.0.24+ default-program functions)."""


_rt.registerErrors({
    "FaultError": lambda message, address: FaultError(message, address & _M64),
    "MissingDebugInfoError": MissingDebugInfoError,
    "ObjectAbsentError": ObjectAbsentError,
    "OutOfBoundsError": OutOfBoundsError,
    "LookupError": LookupError,
    "KeyError": KeyError,
    "TypeError": TypeError,
    "ValueError": ValueError,
    "OverflowError": OverflowError,
    "ZeroDivisionError": ZeroDivisionError,
    "FileNotFoundError": lambda path: FileNotFoundError(2, "No such file or directory", path),
    "OSError": lambda errno, msg, path: OSError(errno, msg, path),
    "Exception": Exception,
})


# ---------------------------------------------------------------- enums
class Architecture(enum.Enum):
    UNKNOWN = 0
    X86_64 = 1
    I386 = 2
    AARCH64 = 3
    ARM = 4
    PPC64 = 5
    RISCV64 = 6
    RISCV32 = 7
    S390X = 8
    S390 = 9


class PlatformFlags(enum.Flag):
    IS_64_BIT = 1
    IS_LITTLE_ENDIAN = 2


class ProgramFlags(enum.Flag):
    IS_LINUX_KERNEL = 1
    IS_LIVE = 2


class FindObjectFlags(enum.Flag):
    CONSTANT = 1
    FUNCTION = 2
    VARIABLE = 4
    ANY = 7


class SymbolBinding(enum.Enum):
    UNKNOWN = 0
    LOCAL = 1
    GLOBAL = 2
    WEAK = 3
    UNIQUE = 11


class SymbolKind(enum.Enum):
    UNKNOWN = 0
    OBJECT = 1
    FUNC = 2
    SECTION = 3
    FILE = 4
    COMMON = 5
    TLS = 6
    IFUNC = 10


# ---------------------------------------------------------------- platform
class Register:
    """A register of a Platform (drgn: names is a tuple of its names)."""

    __slots__ = ("names",)

    def __init__(self, names):
        self.names = tuple(names)

    def __repr__(self):
        return f"Register({self.names!r})"

    def __eq__(self, other):
        return isinstance(other, Register) and other.names == self.names

    def __hash__(self):
        return hash(self.names)


class Platform:
    """The environment a program runs in: architecture and flags."""

    __slots__ = ("arch", "flags", "_registers")

    def __init__(self, arch, flags=None):
        if not isinstance(arch, Architecture):
            raise TypeError("arch must be Architecture")
        if flags is None:
            if arch is Architecture.UNKNOWN:
                raise ValueError("flags must be specified for unknown architecture")
            flags = _rt.defaultPlatformFlags(arch.value)
        self.arch = arch
        self.flags = PlatformFlags(flags)
        self._registers = None

    @property
    def registers(self):
        if self._registers is None:
            self._registers = tuple(Register((n,)) for n in _rt.registerNames(self.arch.value))
        return self._registers

    def __repr__(self):
        return f"Platform({self.arch!r}, {self.flags!r})"

    def __eq__(self, other):
        return isinstance(other, Platform) and (self.arch, self.flags) == (other.arch, other.flags)

    def __hash__(self):
        return hash((self.arch, self.flags))


def _platform(pair):
    return None if pair is None else Platform(Architecture(pair[0]), PlatformFlags(pair[1]))


host_platform = _platform(_rt.hostPlatform())


# ---------------------------------------------------------------- symbols
class Symbol:
    """An ELF symbol, relocated to its loaded address."""

    __slots__ = ("name", "address", "size", "binding", "kind")

    def __init__(self, name, address, size, binding, kind):
        self.name = name
        self.address = address
        self.size = size
        self.binding = binding
        self.kind = kind

    def __repr__(self):
        return (f"Symbol(name={self.name!r}, address={self.address:#x}, size={self.size:#x}, "
                f"binding={self.binding!r}, kind={self.kind!r})")

    def __eq__(self, other):
        return isinstance(other, Symbol) and (
            self.name, self.address, self.size, self.binding, self.kind) == (
            other.name, other.address, other.size, other.binding, other.kind)

    def __hash__(self):
        return hash((self.name, self.address, self.size))


def _symbol(t):
    return Symbol(t[0], _u64(t[1]), _u64(t[2]), SymbolBinding(t[3]), SymbolKind(t[4]))


# ---------------------------------------------------------------- threads
class Thread:
    """A thread in a program."""

    __slots__ = ("prog", "tid", "name")

    def __init__(self, prog, tid, name):
        self.prog = prog
        self.tid = tid
        self.name = name

    def __repr__(self):
        return f"Thread(tid={self.tid})"


def _thread(prog, t):
    return Thread(prog, t[0], t[1])


# ---------------------------------------------------------------- program
_JProgram = java.type("org.jdrgn.lang.python.PyProgram")


class Program:
    """A program being debugged (Java-backed: org.jdrgn.program.Program)."""

    def __new__(cls, platform=None):
        if platform is not None and not isinstance(platform, Platform):
            raise TypeError("platform must be Platform or None")
        return _rt.newProgram(None if platform is None else platform.arch.value,
                              0 if platform is None else platform.flags.value)

    @property
    def platform(self):
        return _platform(self.jPlatform())

    @property
    def flags(self):
        return ProgramFlags(self.jFlags())

    def read(self, address, size, physical=False):
        size = operator.index(size)
        if size < 0:
            raise ValueError("negative size")
        return self.jRead(_s64(address), size, bool(physical)).encode("latin-1")

    def read_u8(self, address, physical=False):
        return self.jReadUnsigned(_s64(address), 1, bool(physical))

    def read_u16(self, address, physical=False):
        return self.jReadUnsigned(_s64(address), 2, bool(physical))

    def read_u32(self, address, physical=False):
        return self.jReadUnsigned(_s64(address), 4, bool(physical))

    def read_u64(self, address, physical=False):
        return _u64(self.jReadUnsigned(_s64(address), 8, bool(physical)))

    def read_word(self, address, physical=False):
        return _u64(self.jReadWord(_s64(address), bool(physical)))

    def add_memory_segment(self, address, size, read_fn, physical=False):
        def reader(addr, count, offset, phys):
            return read_fn(_u64(addr), count, offset, phys)
        self.jAddMemorySegment(_s64(address), _s64(size), reader, bool(physical))

    def threads(self):
        return iter([_thread(self, t) for t in self.jThreads()])

    def thread(self, tid):
        return _thread(self, self.jThread(operator.index(tid)))

    def main_thread(self):
        return _thread(self, self.jMainThread())

    def crashed_thread(self):
        return _thread(self, self.jCrashedThread())

    def symbol(self, address_or_name):
        if isinstance(address_or_name, str):
            return _symbol(self.jSymbolNamed(address_or_name))
        return _symbol(self.jSymbolAt(_s64(address_or_name)))

    def symbols(self, address_or_name=None):
        if address_or_name is None:
            found = self.jSymbols()
        elif isinstance(address_or_name, str):
            found = self.jSymbolsNamed(address_or_name)
        else:
            found = self.jSymbolsAt(_s64(address_or_name))
        return [_symbol(t) for t in found]

    def set_core_dump(self, path):
        self.jSetCoreDump(os.fsdecode(path))

    def __repr__(self):
        return f"<_drgn.Program object at {id(self):#x}>"


polyglot.register_interop_type(_JProgram, Program)


def program_from_core_dump(path):
    prog = Program()
    prog.set_core_dump(path)
    return prog


def filename_matches(haystack, needle):
    """Whether a definition in file haystack matches a search for needle (path-suffix rule)."""
    return _rt.filenameMatches(haystack, needle)
