package org.jdrgn.lang.js;

import org.graalvm.polyglot.HostAccess.Export;
import org.jdrgn.stack.FrameTrace;
import org.jdrgn.variables.VariableReader;

/** The Java object behind a JS {@code drgn.StackTrace}: a thread's logical frames, wrapped on access. */
public final class JsStackTrace {
    final JsProgram prog;
    final FrameTrace trace;
    final VariableReader variables;

    JsStackTrace(JsProgram prog, FrameTrace trace) {
        this.prog = prog;
        this.trace = trace;
        this.variables = new VariableReader(prog.program(), prog.program().objectContext());
    }

    public FrameTrace trace() { return trace; }

    @Export public int length() { return trace.frames().size(); }

    @Export public JsStackFrame frame(int i) { return new JsStackFrame(this, i); }

    /** drgn's str(trace). */
    @Export public String str() { return prog.rt.call(trace::toString); }
}
