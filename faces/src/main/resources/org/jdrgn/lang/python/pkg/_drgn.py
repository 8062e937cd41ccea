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
    "AttributeError": AttributeError,
    "SyntaxError": SyntaxError,
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


class AbsenceReason(enum.Enum):
    """Why an object is absent (drgn 0.0.25+); Java: org.jdrgn.objects.AbsenceReason."""
    OTHER = 0
    OPTIMIZED_OUT = 1
    NOT_IMPLEMENTED = 2


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

    @property
    def object(self):
        """The struct task_struct * of this thread (Linux kernel programs only)."""
        import _drgn_linux
        return _drgn_linux.thread_task(self)


def _thread(prog, t):
    return Thread(prog, t[0], t[1])


# ---------------------------------------------------------------- types
TypeKind = enum.Enum("TypeKind", [tuple(m) for m in _rt.enumMembers("TypeKind")], module=__name__)
PrimitiveType = enum.Enum("PrimitiveType", [tuple(m) for m in _rt.enumMembers("PrimitiveType")], module=__name__)
TypeKind.__doc__ = "The kind of a Type."
PrimitiveType.__doc__ = "A C primitive type."


class Qualifiers(enum.Flag):
    NONE = 0
    CONST = 1
    VOLATILE = 2
    RESTRICT = 4
    ATOMIC = 8


class Language:
    """A programming language supported by drgn (singletons Language.C and Language.CPP)."""

    __slots__ = ("name", "_key")

    def __init__(self, name, key):
        self.name = name
        self._key = key

    def __repr__(self):
        return f"Language.{self._key}"


Language.C = Language("C", "C")
Language.CPP = Language("C++", "CPP")


def _lang(language):
    if language is None:
        return None
    if not isinstance(language, Language):
        raise TypeError("language must be Language or None")
    return language._key


def _quals(q):
    return Qualifiers(q).value if q is not None else 0


class TypeEnumerator:
    """An enumerator of an enumerated type: name and value."""

    __slots__ = ("name", "value")

    def __init__(self, name, value):
        if not isinstance(name, str):
            raise TypeError("TypeEnumerator name must be str")
        self.name = name
        self.value = operator.index(value)

    def __repr__(self):
        return f"TypeEnumerator({self.name!r}, {self.value!r})"

    def __eq__(self, other):
        return isinstance(other, TypeEnumerator) and (self.name, self.value) == (other.name, other.value)

    def __iter__(self):
        return iter((self.name, self.value))

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return (self.name, self.value)[i]


_JMember = java.type("org.jdrgn.lang.python.PyMember")


class TypeMember:
    """A member of a struct, union or class type (Java-backed)."""

    def __new__(cls, object_or_type, name=None, bit_offset=0):
        return _rt.newMember(object_or_type, name, operator.index(bit_offset), 0, False)

    type = property(lambda self: self.jType())
    name = property(lambda self: self.jName())
    bit_offset = property(lambda self: self.jBitOffset())
    offset = property(lambda self: self.jOffset())
    bit_field_size = property(lambda self: self.jBitFieldSize())

    def __repr__(self):
        return self.jRepr()


class TypeParameter:
    """A parameter of a function type (Java-backed)."""

    def __new__(cls, default_argument_or_type, name=None):
        return _rt.newMember(default_argument_or_type, name, 0, 0, True)

    type = property(lambda self: self.jType())
    name = property(lambda self: self.jName())

    def __repr__(self):
        return self.jRepr()


polyglot.register_interop_type(_JMember, TypeMember)
polyglot.register_interop_type(java.type("org.jdrgn.lang.python.PyMember$Parameter"), TypeParameter)


_JType = java.type("org.jdrgn.lang.python.PyType")


class Type:
    """A type in a program (Java-backed: org.jdrgn.types.Type)."""

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create drgn.Type instances")

    prog = property(lambda self: self.jProg())
    kind = property(lambda self: TypeKind(self.jKind()))
    qualifiers = property(lambda self: Qualifiers(self.jQualifiers()))
    language = property(lambda self: getattr(Language, self.jLanguage()))
    name = property(lambda self: self.jName())
    tag = property(lambda self: self.jTag())
    size = property(lambda self: self.jSize())
    length = property(lambda self: self.jLength())
    is_signed = property(lambda self: self.jIsSigned())
    byteorder = property(lambda self: self.jByteOrder())
    type = property(lambda self: self.jType())
    is_variadic = property(lambda self: self.jIsVariadic())

    @property
    def primitive(self):
        p = self.jPrimitive()
        return None if p < 0 else PrimitiveType(p)

    @property
    def members(self):
        m = self.jMembers()
        return None if m is None else tuple(m)

    @property
    def enumerators(self):
        e = self.jEnumerators()
        return None if e is None else tuple(TypeEnumerator(x[0], x[1]) for x in e)

    @property
    def parameters(self):
        return tuple(self.jParameters())

    @property
    def template_parameters(self):
        return ()

    def type_name(self):
        return self.jTypeName()

    def is_complete(self):
        return self.jIsComplete()

    def qualified(self, qualifiers):
        return self.jQualified(Qualifiers(qualifiers).value)

    def unqualified(self):
        return self.jUnqualified()

    def member(self, name):
        return self.jMember(name)

    def has_member(self, name):
        return self.jHasMember(name)

    def __str__(self):
        return self.jStr()

    def __repr__(self):
        return self.jRepr()

    def __eq__(self, other):
        return isinstance(other, Type) and self.jSame(other)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return self.jHash()

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '_drgn.Type' object")

    def _repr_pretty_(self, p, cycle):
        p.text(str(self))

    def __getattr__(self, name):
        # A property that raises AttributeError lands here (Python's rule); re-run it so
        # the engine's message ("int type does not have members") is what the script sees.
        prop = getattr(Type, name, None)
        if isinstance(prop, property):
            return prop.fget(self)
        raise AttributeError(f"'_drgn.Type' object has no attribute '{name}'")


polyglot.register_interop_type(_JType, Type)


def sizeof(type_or_obj):
    """Size in bytes of a type or an object's type (drgn.sizeof)."""
    return _type_of(type_or_obj).jSizeof()


def alignof(type):
    """Alignment requirement of a type in bytes."""
    return _type_of(type).jAlignof()


def offsetof(type, member):
    """Offset in bytes of a member designator ("a.b[3].c") within a type."""
    return _type_of(type).jOffsetof(member)


def _type_of(x):
    if isinstance(x, Type):
        return x
    t = getattr(x, "type_", None)
    if isinstance(t, Type):
        return t
    raise TypeError("expected Type or Object")


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

    cache = property(lambda self: self.jCache(dict), doc="A dict for helpers to cache data about this program.")

    @property
    def flags(self):
        return ProgramFlags(self.jFlags())

    def read(self, address, size, physical=False):
        size = operator.index(size)
        if size < 0:
            raise ValueError("negative size")
        return self.jRead(_s64(address), size, bool(physical)).encode("latin-1")

    def read_c_string(self, address, physical=False, *, max_size=None):
        max_size = _M64 >> 1 if max_size is None else operator.index(max_size)
        if max_size < 0:
            raise ValueError("max_size cannot be negative")
        return self.jReadCString(_s64(address), bool(physical), min(max_size, _M64 >> 1)).encode("latin-1")

    @property
    def core_dump_path(self):
        """The path of the core dump this program was created from, or None (drgn 0.0.26+)."""
        return self.jCoreDumpPath()

    @property
    def language(self):
        """The default language: C for the kernel, else that of main(), else C (drgn 0.0.24+).
        Setting it is remembered but does not yet change how type names are parsed."""
        name = self.jLanguageOverride()
        if name is not None:
            return getattr(Language, name)
        if not (self.flags & ProgramFlags.IS_LINUX_KERNEL):
            try:
                return self.function("main").type_.language
            except (LookupError, ValueError):
                pass
        return Language.C

    def __setattr__(self, name, value):
        # a property setter is not reached through the Java object: route the one settable attribute
        if name != "language":
            raise AttributeError(f"'_drgn.Program' object attribute '{name}' is read-only")
        if not isinstance(value, Language):
            raise TypeError("language must be Language")
        self.jSetLanguageOverride(value._key)

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

    def set_kernel(self):
        # /proc/kcore is an ELF core of the kernel's virtual addresses: read as such a vmcore
        self.set_core_dump("/proc/kcore")

    def set_pid(self, pid):
        raise OSError("jdrgn cannot attach to a running process yet; debug a core dump (gcore PID) instead")

    def load_default_debug_info(self):
        """Default debug info is found and indexed lazily when the dump is opened: nothing to add."""
        self.jLoadDebugInfo([], True, False)

    def load_debug_info(self, paths=(), default=False, main=False):
        paths = [os.fsdecode(p) for p in (paths or ())]
        if self.jLoadDebugInfo(paths, bool(default), bool(main)):
            return                                 # opened the kernel dump set_core_dump deferred
        if paths:
            raise MissingDebugInfoError(
                "jdrgn loads extra debug files when the dump is opened: pass them with -s (or to jdrgn's "
                "program_from_core_dump) instead of load_debug_info()")

    def __getitem__(self, name):
        return self.jGetItem(name)

    def __contains__(self, name):
        return self.jContains(name)

    def object(self, name, flags=None, filename=None):
        flags = FindObjectFlags.ANY if flags is None else FindObjectFlags(flags)
        return self.jObject(name, flags.value, filename)

    def variable(self, name, filename=None):
        return self.jObject(name, FindObjectFlags.VARIABLE.value, filename)

    def function(self, name, filename=None):
        return self.jObject(name, FindObjectFlags.FUNCTION.value, filename)

    def constant(self, name, filename=None):
        return self.jObject(name, FindObjectFlags.CONSTANT.value, filename)

    def type(self, name, filename=None):
        if isinstance(name, Type):
            return name
        if not isinstance(name, str):
            raise TypeError("type() argument 1 must be str or Type")
        return self.jTypeNamed(name, filename)

    def add_type_finder(self, fn):
        def finder(kind, name, filename):
            t = fn(TypeKind(kind), name, filename)
            if t is not None and not isinstance(t, Type):
                raise TypeError("type find callback must return Type or None")
            return t
        self.jAddTypeFinder(finder)

    def add_object_finder(self, fn):
        def finder(prog, name, flags, filename):
            return fn(prog, name, FindObjectFlags(flags), filename)
        self.jAddObjectFinder(finder)

    def void_type(self, *, qualifiers=Qualifiers.NONE, language=None):
        return self.jVoidType(_quals(qualifiers), _lang(language))

    def int_type(self, name, size, is_signed, byteorder=None, *, qualifiers=Qualifiers.NONE, language=None):
        return self.jIntType(name, operator.index(size), bool(is_signed), byteorder, _quals(qualifiers), _lang(language))

    def bool_type(self, name, size, byteorder=None, *, qualifiers=Qualifiers.NONE, language=None):
        return self.jBoolType(name, operator.index(size), byteorder, _quals(qualifiers), _lang(language))

    def float_type(self, name, size, byteorder=None, *, qualifiers=Qualifiers.NONE, language=None):
        return self.jFloatType(name, operator.index(size), byteorder, _quals(qualifiers), _lang(language))

    def _compound(self, kind, tag, size, members, qualifiers, language):
        if members is not None:
            members = list(members)
            for m in members:
                if not isinstance(m, TypeMember):
                    raise TypeError("member must be TypeMember")
        return self.jCompoundType(kind.value, tag, None if size is None else operator.index(size), members,
                                  _quals(qualifiers), _lang(language))

    def struct_type(self, tag, size=None, members=None, *, template_parameters=(), qualifiers=Qualifiers.NONE, language=None):
        return self._compound(TypeKind.STRUCT, tag, size, members, qualifiers, language)

    def union_type(self, tag, size=None, members=None, *, template_parameters=(), qualifiers=Qualifiers.NONE, language=None):
        return self._compound(TypeKind.UNION, tag, size, members, qualifiers, language)

    def class_type(self, tag, size=None, members=None, *, template_parameters=(), qualifiers=Qualifiers.NONE, language=None):
        return self._compound(TypeKind.CLASS, tag, size, members, qualifiers, language)

    def enum_type(self, tag, type=None, enumerators=None, *, qualifiers=Qualifiers.NONE, language=None):
        if enumerators is not None:
            enumerators = [[e.name, e.value] if isinstance(e, TypeEnumerator) else list(e) for e in enumerators]
        return self.jEnumType(tag, type, enumerators, _quals(qualifiers), _lang(language))

    def typedef_type(self, name, type, *, qualifiers=Qualifiers.NONE, language=None):
        return self.jTypedefType(name, type, _quals(qualifiers), _lang(language))

    def pointer_type(self, type, size=None, byteorder=None, *, qualifiers=Qualifiers.NONE, language=None):
        return self.jPointerType(type, None if size is None else operator.index(size), byteorder,
                                 _quals(qualifiers), _lang(language))

    def array_type(self, type, length=None, *, qualifiers=Qualifiers.NONE, language=None):
        return self.jArrayType(type, None if length is None else operator.index(length), _quals(qualifiers), _lang(language))

    def function_type(self, type, parameters, is_variadic=False, *, template_parameters=(), qualifiers=Qualifiers.NONE, language=None):
        parameters = list(parameters)
        for p in parameters:
            if not isinstance(p, TypeParameter):
                raise TypeError("parameter must be TypeParameter")
        return self.jFunctionType(type, parameters, bool(is_variadic), _quals(qualifiers), _lang(language))

    def __repr__(self):
        return f"<_drgn.Program object at {id(self):#x}>"

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '_drgn.Program' object")


polyglot.register_interop_type(_JProgram, Program)


def program_from_kernel():
    prog = Program()
    prog.set_kernel()
    prog.load_default_debug_info()
    return prog


def program_from_pid(pid):
    return Program().set_pid(pid)


class IntegerLike:
    """Any object with an __index__ method (an int, or an integer drgn Object).

    A typing.Protocol in drgn; a plain class here because importing typing costs a fresh
    GraalPy context ~0.3 s (a third of its start), and the class only serves annotations."""

    def __index__(self) -> int: ...


class TypeTemplateParameter:
    """A template parameter of a C++ class or function type."""

    __slots__ = ("_argument", "name", "is_default")

    def __init__(self, argument, name=None, is_default=False):
        self._argument = argument
        self.name = name
        self.is_default = is_default

    @property
    def argument(self):
        return self._argument() if callable(self._argument) else self._argument

    def __repr__(self):
        return f"TypeTemplateParameter({self.argument!r}, name={self.name!r}, is_default={self.is_default!r})"


def program_from_core_dump(path):
    prog = Program()
    prog.set_core_dump(path)
    return prog


def filename_matches(haystack, needle):
    """Whether a definition in file haystack matches a search for needle (path-suffix rule)."""
    return _rt.filenameMatches(haystack, needle)


# ---------------------------------------------------------------- objects
def _pyvalue(v):
    """value_()/int() results: Java tags dicts, lists and big ints as [tag, ...] arrays."""
    if isinstance(v, (int, float, bool, str)) or v is None:
        return v
    tag = v[0]
    if tag == "dict":
        return {k: _pyvalue(x) for k, x in zip(v[1], v[2])}
    if tag == "list":
        return [_pyvalue(x) for x in v[1]]
    if tag == "int":
        return int(v[1])
    raise TypeError(f"unexpected value from engine: {v!r}")


_FORMAT_KEYS = ("columns", "dereference", "symbolize", "string", "char", "type_name", "member_type_names",
                "element_type_names", "members_same_line", "elements_same_line", "member_names",
                "element_indices", "implicit_members", "implicit_elements")


class Object:
    """A value, reference or absent object in a program (Java-backed: org.jdrgn.objects.DrgnObject)."""

    def __new__(cls, prog, type=None, value=None, *, address=None, bit_offset=0, bit_field_size=None,
                absence_reason=None):
        if not isinstance(prog, Program):
            raise TypeError("Object() argument 1 must be Program")
        if type is not None and not isinstance(type, (str, Type)):
            raise TypeError("Object() argument 2 must be str, Type, or None")
        if absence_reason is not None:
            if not isinstance(absence_reason, AbsenceReason):
                raise TypeError("absence_reason must be AbsenceReason")
            if value is not None or address is not None:
                raise ValueError("absent object cannot have value or address")
            if type is None:
                raise ValueError("absent object must have type")
            return prog.jNewAbsentObject(type, absence_reason.name, bit_field_size)
        return prog.jNewObject(type, value, None if address is None else _s64(address),
                               operator.index(bit_offset), bit_field_size)

    prog_ = property(lambda self: self.jProg())
    type_ = property(lambda self: self.jType())
    absent_ = property(lambda self: self.jAbsent())

    @property
    def absence_reason_(self):
        r = self.jAbsenceReason()
        return None if r is None else AbsenceReason[r]
    bit_offset_ = property(lambda self: self.jBitOffset())
    bit_field_size_ = property(lambda self: self.jBitFieldSize())

    @property
    def address_(self):
        a = self.jAddress()
        return None if a is None else _u64(a)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        try:
            return self.jMember(name)
        except LookupError as e:
            raise AttributeError(str(e)) from None
        except TypeError:  # not a structure: drgn says so as a missing attribute
            raise AttributeError(f"'_drgn.Object' object has no attribute '{name}'") from None

    def member_(self, name):
        return self.jMember(name)

    def __getitem__(self, i):
        if isinstance(i, slice):
            if i.step is not None:
                raise ValueError("object slice step must be None")
            return self.jSlice(None if i.start is None else operator.index(i.start),
                               None if i.stop is None else operator.index(i.stop))
        return self.jSubscript(operator.index(i))

    def __len__(self):
        return self.jLength()

    def __iter__(self):
        for i in range(self.jLength()):
            yield self.jSubscript(i)

    def value_(self):
        return _pyvalue(self.jValue())

    def string_(self):
        return self.jString().encode("latin-1")

    def to_bytes_(self):
        return self.jToBytes().encode("latin-1")

    @classmethod
    def from_bytes_(cls, prog, type, bytes, *, bit_offset=0, bit_field_size=None):
        return prog.jFromBytes(type, builtins_bytes(bytes).decode("latin-1"), operator.index(bit_offset), bit_field_size)

    def address_of_(self):
        return self.jAddressOf()

    def read_(self):
        return self.jRead()

    def format_(self, **kwargs):
        for k in kwargs:
            if k not in _FORMAT_KEYS:
                raise TypeError(f"'{k}' is an invalid keyword argument for format_()")
        return self.jFormat(kwargs)

    def __str__(self):
        return self.jStr()

    def __repr__(self):
        return self.jRepr()

    def _repr_pretty_(self, p, cycle):
        p.text(str(self))

    def __dir__(self):
        return sorted(set(dir(type(self))) | set(self.jMemberNames()))

    def __hash__(self):
        raise TypeError("unhashable type: '_drgn.Object'")

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '_drgn.Object' object")

    def __bool__(self):
        return self.jTruth()

    def __int__(self):
        return _pyvalue(self.jInt())

    def __index__(self):
        return _pyvalue(self.jIndex())

    def __float__(self):
        return self.jFloat()

    def __round__(self, ndigits=None):
        if ndigits is None:
            return _pyvalue(self.jRound("ROUND"))
        return round(float(self), ndigits)

    def __trunc__(self):
        return _pyvalue(self.jRound("TRUNC"))

    def __floor__(self):
        return _pyvalue(self.jRound("FLOOR"))

    def __ceil__(self):
        return _pyvalue(self.jRound("CEIL"))

    def __neg__(self):
        return self.jUnary("-")

    def __pos__(self):
        return self.jUnary("+")

    def __invert__(self):
        return self.jUnary("~")

    def __eq__(self, other):
        return self.jCompare("EQ", other) if _operand(other) else NotImplemented

    def __ne__(self, other):
        return self.jCompare("NE", other) if _operand(other) else NotImplemented

    def __lt__(self, other):
        return self.jCompare("LT", other) if _operand(other) else NotImplemented

    def __le__(self, other):
        return self.jCompare("LE", other) if _operand(other) else NotImplemented

    def __gt__(self, other):
        return self.jCompare("GT", other) if _operand(other) else NotImplemented

    def __ge__(self, other):
        return self.jCompare("GE", other) if _operand(other) else NotImplemented


def _operand(x):
    return isinstance(x, (Object, int, float)) and not isinstance(x, Type)


def _unsupported(op, left, right):
    # Python would name the interop class; drgn's message names _drgn.Object.
    name = lambda x: "_drgn.Object" if isinstance(x, Object) else type(x).__name__
    return TypeError(f"unsupported operand type(s) for {op}: '{name(left)}' and '{name(right)}'")


def _binop(op):
    def fwd(self, other):
        if not _operand(other):
            if hasattr(type(other), "__r" + _DUNDER[op] + "__") and not isinstance(other, (str, bytes)):
                return NotImplemented
            raise _unsupported(op, self, other)
        return self.jBinary(op, other, False)

    def rev(self, other):
        if not _operand(other):
            raise _unsupported(op, other, self)
        return self.jBinary(op, other, True)
    return fwd, rev


_DUNDER = {"+": "add", "-": "sub", "*": "mul", "/": "truediv", "%": "mod", "<<": "lshift", ">>": "rshift",
           "&": "and", "|": "or", "^": "xor"}


for _name, _op in (("add", "+"), ("sub", "-"), ("mul", "*"), ("truediv", "/"), ("mod", "%"),
                   ("lshift", "<<"), ("rshift", ">>"), ("and", "&"), ("or", "|"), ("xor", "^")):
    _f, _r = _binop(_op)
    setattr(Object, f"__{_name}__", _f)
    setattr(Object, f"__r{_name}__", _r)
del _name, _op, _f, _r

builtins_bytes = bytes
polyglot.register_interop_type(java.type("org.jdrgn.lang.python.PyObject"), Object)


def cast(type, obj):
    """Cast an object to another type (C semantics)."""
    return obj.jCast(type)


def reinterpret(type, obj):
    """Reinterpret an object's bytes as another type."""
    return obj.jReinterpret(type)


def container_of(ptr, type, member):
    """The containing object of a member pointer (Linux container_of)."""
    return ptr.jContainerOf(type, member)


def NULL(prog, type):
    """A null pointer object of the given pointer type."""
    return prog.jNull(type)


# Stack traces live in their own module (their adapter is large); they extend Program/Thread.
import _drgn_stack  # noqa: E402
_drgn_stack.install(Program, Thread)
from _drgn_stack import StackFrame, StackTrace  # noqa: E402,F401

# drgn's Linux helpers call these C primitives from _drgn; here they are Java-backed.
from _drgn_linux import *  # noqa: E402,F401,F403
import _drgn_module  # noqa: E402  (prog.modules() and the Module classes)
_drgn_module.install(Program)
from _drgn_module import Module, MainModule, SharedLibraryModule, VdsoModule, RelocatableModule  # noqa: E402,F401


def __getattr__(name):
    # typing only when asked (see IntegerLike).
    if name == "Path":
        import typing
        return typing.Union[str, bytes, os.PathLike]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_elfutils_version = "none (jdrgn reads ELF and DWARF in Java)"
_with_libkdumpfile = True                      # kdump-compressed dumps are read natively
