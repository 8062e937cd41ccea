package org.jdrgn.lang.python;

import org.graalvm.polyglot.HostAccess.Export;
import org.jdrgn.lang.FrameAccess;
import org.jdrgn.stack.FrameTrace;
import org.jdrgn.variables.VariableReader;

/**
 * The Java object behind a Python {@code drgn.StackTrace} (registered in _drgn_stack.py):
 * a thread's logical frames. Frames are wrapped on access.
 */
public final class PyStackTrace {
    final PyProgram prog;
    final FrameTrace trace;
    final VariableReader variables;

    PyStackTrace(PyProgram prog, FrameTrace trace) {
        this.prog = prog;
        this.trace = trace;
        this.variables = new VariableReader(prog.program(), prog.program().objectContext());
    }

    /** prog.stack_trace(tid): unwinds the thread now. */
    @Export
    public static PyStackTrace of(PyProgram prog, long tid) {
        return prog.rt.call(() -> new PyStackTrace(prog, FrameAccess.trace(prog.program(), tid)));
    }

    /** Thread.stack_trace() (and prog.stack_trace(thread)): see FrameAccess.threadTrace. */
    @Export
    public static PyStackTrace ofThread(PyProgram prog, long tid) {
        return prog.rt.call(() -> new PyStackTrace(prog, FrameAccess.threadTrace(prog.program(), tid)));
    }

    /** prog.stack_trace(task) for a kernel {@code struct task_struct *}: by address, so idle tasks (pid 0) work too. */
    @Export
    public static PyStackTrace ofTask(PyProgram prog, long task) {
        return prog.rt.call(() -> new PyStackTrace(prog, FrameAccess.taskTrace(prog.program(), task)));
    }

    /** prog.stack_trace(regs) for a {@code struct pt_regs} or {@code struct pt_regs *} object. */
    @Export
    public static PyStackTrace ofRegs(PyProgram prog, PyObject regs) {
        return prog.rt.call(() -> new PyStackTrace(prog, FrameAccess.regsTrace(prog.program(), regs.obj)));
    }

    /** Whether an object is a {@code struct pt_regs} or a pointer to one (else: a task or thread ID). */
    @Export
    public static boolean isPtRegs(PyObject obj) { return org.jdrgn.unwind.PtRegs.isPtRegs(obj.obj); }

    /** prog.stack_trace_from_pcs(pcs). */
    @Export
    public static PyStackTrace ofPcs(PyProgram prog, long[] pcs) {
        return prog.rt.call(() -> new PyStackTrace(prog, FrameAccess.pcsTrace(prog.program(), pcs)));
    }

    public FrameTrace trace() { return trace; }

    @Export public PyProgram jProg() { return prog; }

    @Export public int jLength() { return trace.frames().size(); }

    @Export public PyStackFrame jFrame(int i) { return new PyStackFrame(this, i); }

    @Export public String jStr() { return trace.toString(); }
}
