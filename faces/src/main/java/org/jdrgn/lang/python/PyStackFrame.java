package org.jdrgn.lang.python;

import java.util.Map;
import org.graalvm.polyglot.HostAccess.Export;
import org.jdrgn.elf.Symbol;
import org.jdrgn.lang.FrameAccess;
import org.jdrgn.stack.SourceLocation;
import org.jdrgn.stack.StackFrame;
import org.jdrgn.stack.TraceFormatter;
import org.jdrgn.variables.FrameVariables;

/**
 * The Java object behind a Python {@code drgn.StackFrame}: one logical frame of a
 * {@link PyStackTrace}. Errors are drgn's (LookupError for what this frame does not know,
 * KeyError for a missing variable).
 */
public final class PyStackFrame {
    private final PyStackTrace trace;
    private final int index;

    PyStackFrame(PyStackTrace trace, int index) {
        this.trace = trace;
        this.index = index;
    }

    private StackFrame f() { return trace.trace.frames().get(index); }

    @Export public String jName() { return f().name(); }

    @Export public boolean jIsInline() { return f().isInline(); }

    /** jdrgn only: a frame gdb-style tail-call synthesis added (drgn 0.0.22 has no such frames). */
    @Export public boolean jIsTailCall() { return f().isTailCall(); }

    @Export public boolean jInterrupted() { return f().interrupted(); }

    @Export public long jPc() { return f().pc(); }

    @Export public long jSp() {
        return trace.prog.rt.call(() -> FrameAccess.sp(f()));
    }

    /** (name, address, size, binding, kind), as _drgn's Symbol takes it. */
    @Export public Object[] jSymbol() {
        return trace.prog.rt.call(() -> org.jdrgn.lang.Tuples.symbol(FrameAccess.symbol(f())));
    }

    /** (filename, line, column). */
    @Export public Object[] jSource() {
        return trace.prog.rt.call(() -> {
            SourceLocation s = FrameAccess.source(f());
            return new Object[] {s.file(), s.line(), s.column()};
        });
    }

    /** (name, value) pairs of the registers known in this frame. */
    @Export public Object[] jRegisters() {
        return f().registers().entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue()}).toArray();
    }

    @Export public long jRegister(String name) {
        return trace.prog.rt.call(() -> FrameAccess.register(f(), name));
    }

    @Export public String[] jLocals() {
        return trace.prog.rt.call(() -> FrameVariables.names(f()).toArray(String[]::new));
    }

    @Export public boolean jContains(String name) {
        return trace.prog.rt.call(() -> FrameVariables.find(f(), name).isPresent());
    }

    /** frame[name]: KeyError if no such variable is in scope. */
    @Export public PyObject jVariable(String name) {
        return trace.prog.rt.call(() -> new PyObject(trace.prog, trace.variables.read(trace.trace, index, name)));
    }

    /** The frame's line in str(trace), without "#N  ". */
    /** The frame's CFA (the caller's stack pointer), or -1 if unknown: where its stack memory ends. */
    @Export public long jCfa() { return f().physical().cfa().orElse(-1); }

    @Export public String jStr() { return TraceFormatter.detailed(f(), index); }

    Map<String, Long> registers() { return f().registers(); }
}
