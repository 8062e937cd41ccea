package org.jdrgn.lang.python;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.jdrgn.program.load.DumpLoader;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.Program;

/**
 * Runs Python snippets against a Program on one shared GraalPy Engine (a fresh Context
 * per call costs ~50-90 ms on a warm engine instead of seconds).
 */
public final class PythonHarness {
    private static Engine engine;

    private PythonHarness() {}

    private static synchronized Engine engine() {
        if (engine == null) engine = PythonEngine.newEngine();
        return engine;
    }

    /** Result of a run: stdout, stderr and the Python exception (type: message) if any. */
    public record Result(String out, String err, String error) {}

    public static Result run(Program prog, String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PyRuntime rt = new PyRuntime((p, path) -> DumpLoader.open(p, Path.of(path), DebugInfoOptions.DEFAULT, w -> { }));
        String error = null;
        try (Context ctx = PythonEngine.newContext(engine(), rt, List.of("-c"),
                new ByteArrayInputStream(new byte[0]), out, err)) {
            PythonEngine.eval(ctx, "import drgn", "<harness>");
            if (prog != null) ctx.getBindings("python").putMember("prog", rt.wrap(prog));
            try {
                PythonEngine.eval(ctx, code, "<test>");
            } catch (PolyglotException e) {
                error = e.isGuestException() && e.getGuestObject() != null
                        ? ctx.eval("python", "lambda e: f'{type(e).__name__}: {e}'").execute(e.getGuestObject()).asString()
                        : "host: " + e.getMessage();
            }
            PythonEngine.eval(ctx, "import sys; sys.stdout.flush(); sys.stderr.flush()", "<flush>");
        }
        return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), error);
    }

    /** stdout of code that must not raise. */
    public static String out(Program prog, String code) {
        Result r = run(prog, code);
        if (r.error() != null) throw new AssertionError("Python raised " + r.error() + "\nstderr: " + r.err());
        return r.out();
    }
}
