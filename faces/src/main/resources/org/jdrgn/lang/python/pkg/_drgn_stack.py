"""jdrgn's stack traces: drgn's StackTrace and StackFrame over org.jdrgn.unwind.

Loaded by _drgn (``import _drgn_stack; _drgn_stack.install(Program, Thread)``); the classes are
the Python faces of org.jdrgn.lang.python.PyStackTrace / PyStackFrame.  Adapters only: the
trace, names, sources and variables are computed in Java.
"""

import operator
import java
import polyglot

_rt = polyglot.import_value("jdrgn")           # org.jdrgn.lang.python.PyRuntime
_M64 = 0xFFFFFFFFFFFFFFFF
_JTrace = java.type("org.jdrgn.lang.python.PyStackTrace")
_JFrame = java.type("org.jdrgn.lang.python.PyStackFrame")


def _drgn():
    import _drgn as d                          # imported late: _drgn imports this module at its end
    return d


class StackTrace:
    """A thread's call stack, innermost frame first (inline calls are frames of their own)."""

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create drgn.StackTrace instances")

    prog = property(lambda self: self.jProg())

    def __len__(self):
        return self.jLength()

    def __getitem__(self, i):
        n = self.jLength()
        if isinstance(i, slice):
            return [self.jFrame(k) for k in range(*i.indices(n))]
        i = operator.index(i)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("stack frame index out of range")
        return self.jFrame(i)

    def __iter__(self):
        return iter([self.jFrame(k) for k in range(self.jLength())])

    def __str__(self):
        return self.jStr()

    def _repr_pretty_(self, p, cycle):
        p.text(str(self))


class StackFrame:
    """One frame of a StackTrace."""

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create drgn.StackFrame instances")

    name = property(lambda self: self.jName())
    function_name = property(lambda self: self.jName())
    is_inline = property(lambda self: self.jIsInline())
    # jdrgn only: a function the call went through by a tail call, proven by DWARF call sites
    is_tail_call = property(lambda self: self.jIsTailCall())
    interrupted = property(lambda self: self.jInterrupted())
    pc = property(lambda self: self.jPc() & _M64)
    sp = property(lambda self: self.jSp() & _M64)

    def symbol(self):
        return _drgn()._symbol(self.jSymbol())

    def source(self):
        s = self.jSource()
        return (s[0], s[1], s[2])

    def locals(self):
        return list(self.jLocals())

    def registers(self):
        return {p[0]: p[1] & _M64 for p in self.jRegisters()}

    def register(self, reg):
        if not isinstance(reg, str):
            raise TypeError("register name must be str")
        return self.jRegister(reg) & _M64

    def __getitem__(self, name):
        if not isinstance(name, str):
            raise TypeError("frame variable name must be str")
        return self.jVariable(name)

    def __contains__(self, name):
        if not isinstance(name, str):
            raise TypeError("frame variable name must be str")
        return self.jContains(name)

    def __str__(self):
        return self.jStr()

    def __getattr__(self, name):
        # a property raising AttributeError lands here: re-run it so the engine's error shows
        prop = getattr(StackFrame, name, None)
        if isinstance(prop, property):
            return prop.fget(self)
        raise AttributeError(f"'_drgn.StackFrame' object has no attribute '{name}'")


polyglot.register_interop_type(_JTrace, StackTrace)
polyglot.register_interop_type(_JFrame, StackFrame)


def _of(prog, thread):
    """A Thread, a thread ID, or an Object: a ``struct pt_regs`` or ``struct pt_regs *`` (the
    initial registers), a kernel ``struct task_struct *`` (by address, so idle tasks with pid 0
    work too) or an integer object taken as a thread ID."""
    from _drgn import Object, TypeKind, _s64
    if isinstance(thread, Object):
        if _JTrace.isPtRegs(thread):
            return _JTrace.ofRegs(prog, thread)
        if thread.type_.unqualified().kind == TypeKind.POINTER:
            return _JTrace.ofTask(prog, _s64(thread.value_()))
        return _JTrace.of(prog, operator.index(thread))
    from _drgn import Thread
    if isinstance(thread, Thread):
        return _JTrace.ofThread(prog, thread.tid)
    return _JTrace.of(prog, operator.index(thread))


def install(program_cls, thread_cls):
    """Adds drgn's Program.stack_trace(thread) and Thread.stack_trace()."""

    def program_stack_trace(self, thread):
        return _of(self, thread)

    def thread_stack_trace(self):
        return _JTrace.ofThread(self.prog, self.tid)

    def program_stack_trace_from_pcs(self, pcs):
        import operator
        from _drgn import _s64
        return _JTrace.ofPcs(self, [_s64(operator.index(pc)) for pc in pcs])

    program_stack_trace.__doc__ = "The call stack of a thread (a Thread, its ID, a task_struct * or a pt_regs)."
    program_stack_trace_from_pcs.__doc__ = "A stack trace of the given program counters (drgn 0.0.24+)."
    program_cls.stack_trace_from_pcs = program_stack_trace_from_pcs
    thread_stack_trace.__doc__ = "The call stack of this thread."
    program_cls.stack_trace = program_stack_trace
    thread_cls.stack_trace = thread_stack_trace
