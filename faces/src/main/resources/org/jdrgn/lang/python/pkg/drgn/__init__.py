"""drgn-compatible programmable debugger API, served by jdrgn's Java engine.

Scripts written for drgn import from here unchanged; the classes come from ``_drgn``.
"""

import sys as _sys

from _drgn import (
    AbsenceReason,
    Architecture,
    FaultError,
    FindObjectFlags,
    Language,
    MissingDebugInfoError,
    NoDefaultProgramError,
    ObjectAbsentError,
    OutOfBoundsError,
    Platform,
    PlatformFlags,
    PrimitiveType,
    Program,
    ProgramFlags,
    Qualifiers,
    Register,
    Symbol,
    SymbolBinding,
    SymbolKind,
    Thread,
    Type,
    TypeEnumerator,
    TypeKind,
    TypeMember,
    TypeParameter,
    filename_matches,
    host_platform,
    program_from_core_dump,
    StackFrame,
    StackTrace,
    program_from_kernel,
    program_from_pid,
    IntegerLike,
    TypeTemplateParameter,
    Object,
    NULL,
    cast,
    container_of,
    reinterpret,
    alignof,
    offsetof,
    sizeof,
)

__version__ = "0.0.22+jdrgn"

__all__ = (
    "AbsenceReason",
    "Architecture",
    "FaultError",
    "FindObjectFlags",
    "Language",
    "MissingDebugInfoError",
    "NoDefaultProgramError",
    "ObjectAbsentError",
    "OutOfBoundsError",
    "Platform",
    "PlatformFlags",
    "PrimitiveType",
    "Program",
    "ProgramFlags",
    "Qualifiers",
    "Register",
    "Symbol",
    "SymbolBinding",
    "SymbolKind",
    "Thread",
    "Type",
    "TypeEnumerator",
    "TypeKind",
    "TypeMember",
    "TypeParameter",
    "StackFrame",
    "StackTrace",
    "TypeTemplateParameter",
    "IntegerLike",
    "program_from_kernel",
    "program_from_pid",
    "Object",
    "NULL",
    "cast",
    "container_of",
    "reinterpret",
    "alignof",
    "offsetof",
    "sizeof",
    "execscript",
    "filename_matches",
    "get_default_prog",
    "host_platform",
    "program_from_core_dump",
    "set_default_prog",
)

_default_prog = None


def get_default_prog():
    """The program that functions taking an optional ``prog`` use (drgn 0.0.24+)."""
    if _default_prog is None:
        raise NoDefaultProgramError("no default program has been set")
    return _default_prog


def set_default_prog(prog):
    """Set (or with None, clear) the default program."""
    global _default_prog
    if prog is not None and not isinstance(prog, Program):
        raise TypeError("prog must be Program or None")
    _default_prog = prog


def execscript(path, *args):
    """Run a script in the caller's globals, with sys.argv = [path, *args], as drgn does."""
    import runpy
    caller = _sys._getframe(1).f_globals
    old_argv = _sys.argv
    _sys.argv = [path, *args]
    try:
        result = runpy.run_path(path, init_globals=caller, run_name="__main__")
    finally:
        _sys.argv = old_argv
    caller.update({k: v for k, v in result.items() if not k.startswith("__")})
