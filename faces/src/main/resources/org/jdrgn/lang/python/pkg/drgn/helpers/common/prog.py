"""Default-program decorators (drgn.helpers.common.prog, drgn 0.0.24+).

A helper whose first parameter is ``prog`` may be called without it. The program is then
taken, in order, from: an explicit Program first argument or ``prog=`` keyword; the first
data argument when it is an Object (its ``prog_``); else drgn.get_default_prog(), which raises
NoDefaultProgramError when none is set. drgn 0.0.22-style calls with an explicit prog are
unchanged.
"""

import functools
import inspect

from drgn import Object, Program, get_default_prog

__all__ = ("takes_object_or_program_or_default", "takes_program_or_default")

_POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)


def _positional_names(f, skip):
    """Names of f's positional parameters after the first ``skip``; checks that the first is prog."""
    params = list(inspect.signature(f).parameters.values())
    if not params or params[0].name != "prog":
        raise TypeError("first parameter must be prog: Program")
    return params, [p for p in params[skip:] if p.kind in _POSITIONAL]


def _prog_of(value):
    return value.prog_ if isinstance(value, Object) else None


def takes_program_or_default(f):
    """Wrap ``f(prog, ...)`` so that ``prog`` may be omitted (see the module docstring)."""
    _, rest = _positional_names(f, 1)
    first = rest[0].name if rest else None

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        if "prog" in kwargs or (args and isinstance(args[0], Program)):
            return f(*args, **kwargs)
        lead = args[0] if args else kwargs.get(first) if first else None
        prog = _prog_of(lead)
        return f(prog if prog is not None else get_default_prog(), *args, **kwargs)

    if wrapper.__doc__:
        wrapper.__doc__ += "\n\n:param prog: Program; omit it to use the default program."
    return wrapper


def takes_object_or_program_or_default(f):
    """Wrap ``f(prog, obj, ...)`` so it is called as ``g(prog, ...)``, ``g(obj, ...)`` or ``g(...)``.

    With a Program, ``obj`` is None; with an Object, ``prog`` is its program; with neither,
    ``obj`` is None and ``prog`` comes from the first data argument if it is an Object, else
    the default program. The parameters after ``obj`` may not have defaults unless keyword-only:
    the number of positional arguments is what tells whether a program or object was passed.
    """
    params, extras = _positional_names(f, 2)
    if len(params) < 2:
        raise TypeError("second parameter must be the optional object")
    obj_name = params[1].name
    for p in extras:
        if p.default is not inspect.Parameter.empty:
            raise ValueError(f"{f.__name__} using @takes_object_or_program_or_default can't have "
                             "positional parameters with defaults due to ambiguity")
    names = [p.name for p in extras]

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        # extras given by keyword are not in args: what is left over in front is prog or obj
        leading = len(args) - sum(1 for n in names if n not in kwargs)
        if leading > 0:
            head = args[0]
            if isinstance(head, Program):
                return f(head, None, *args[1:], **kwargs)
            return f(head.prog_, *args, **kwargs)
        if obj_name in kwargs:
            return f(kwargs[obj_name].prog_, *args, **kwargs)
        if "prog" in kwargs:
            return f(*args, **{obj_name: None, **kwargs})
        lead = args[0] if args else kwargs.get(names[0]) if names else None
        prog = _prog_of(lead)
        return f(prog if prog is not None else get_default_prog(), None, *args, **kwargs)

    wrapper.__signature__ = inspect.signature(f).replace(parameters=params[1:])
    return wrapper
