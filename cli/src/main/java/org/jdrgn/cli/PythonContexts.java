package org.jdrgn.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.jdrgn.lang.python.PyRuntime;
import org.jdrgn.lang.python.PythonEngine;

/**
 * Where a CLI run gets its Python context: built on the spot (the normal path), or taken
 * ready-made with _drgn already imported (the resident server). Either way the run owns
 * the context and closes it: a context never serves two runs.
 */
@FunctionalInterface
public interface PythonContexts {
    /** A context with {@code runtime} bound as the {@code jdrgn} polyglot value. */
    record Opened(Context context, PyRuntime runtime) {}

    /** A context for one run, writing to these streams and opening cores through {@code opener}. */
    Opened open(PyRuntime.ProgramOpener opener, List<String> argv, InputStream in, OutputStream out, OutputStream err);

    /** A new context on its own engine: what a one-shot JVM does. */
    PythonContexts FRESH = (opener, argv, in, out, err) -> {
        PyRuntime rt = new PyRuntime(opener);
        return new Opened(PythonEngine.newContext(null, rt, argv, in, out, err), rt);
    };
}
