package org.jdrgn.lang.js;

import org.graalvm.polyglot.HostAccess.Export;
import org.jdrgn.lang.FrameAccess;
import org.jdrgn.lang.Tuples;
import org.jdrgn.stack.SourceLocation;
import org.jdrgn.stack.StackFrame;
import org.jdrgn.stack.TraceFormatter;
import org.jdrgn.variables.FrameVariables;

/**
 * The Java object behind a JS {@code drgn.StackFrame}: one logical frame of a
 * {@link JsStackTrace}. Errors are drgn's (LookupError for what the frame does not know,
 * KeyError for a variable not in scope).
 */
public final class JsStackFrame {
    private final JsStackTrace trace;
    private final int index;

    JsStackFrame(JsStackTrace trace, int index) {
        this.trace = trace;
        this.index = index;
    }

    private StackFrame f() { return trace.trace.frames().get(index); }

    private JsRuntime rt() { return trace.prog.rt; }

    @Export public String name() { return f().name(); }

    @Export public boolean isInline() { return f().isInline(); }

    @Export public boolean interrupted() { return f().interrupted(); }

    /** A frame the trace adds for a function left by a tail call (proven by DWARF call sites). */
    @Export public boolean isTailCall() { return f().isTailCall(); }

    @Export public long pc() { return f().pc(); }

    @Export public long sp() { return rt().call(() -> FrameAccess.sp(f())); }

    /** [name, address, size, binding, kind], as drgn.js's Symbol takes it. */
    @Export public Object[] symbol() { return rt().call(() -> Tuples.symbol(FrameAccess.symbol(f()))); }

    /** [filename, line, column]. */
    @Export public Object[] source() {
        return rt().call(() -> {
            SourceLocation s = FrameAccess.source(f());
            return new Object[] {s.file(), s.line(), s.column()};
        });
    }

    /** [name, value] pairs of the registers known in this frame. */
    @Export public Object[] registers() {
        return f().registers().entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue()}).toArray();
    }

    @Export public long register(String name) { return rt().call(() -> FrameAccess.register(f(), name)); }

    @Export public String[] locals() { return rt().call(() -> FrameVariables.names(f()).toArray(String[]::new)); }

    @Export public boolean contains(String name) { return rt().call(() -> FrameVariables.find(f(), name).isPresent()); }

    /** frame.get(name): KeyError if no such variable is in scope. */
    @Export public JsObject variable(String name) {
        return rt().call(() -> new JsObject(trace.prog, trace.variables.read(trace.trace, index, name)));
    }

    /** The frame's line in drgn's str(frame). */
    @Export public String str() { return rt().call(() -> TraceFormatter.detailed(f(), index)); }
}
