package org.jdrgn.lang.js;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.jdrgn.program.load.DumpLoader;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.Program;

/** Runs JS snippets or scripts against a Program on one shared GraalJS Engine. */
final class JsHarness {
    private static Engine engine;

    private JsHarness() {}

    private static synchronized Engine engine() {
        if (engine == null) engine = JsEngine.newEngine();
        return engine;
    }

    /** stdout, stderr and exit status of one run. */
    record Result(String out, String err, int status) {}

    static Result code(Program prog, String code) {
        return run(prog, List.of("<test>"), (ctx, err) -> JsScript.runCode(ctx, code, "<test>", err));
    }

    static Result script(Program prog, Path script, String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of(script.toString()));
        argv.addAll(List.of(args));
        return run(prog, argv, (ctx, err) -> JsScript.runFile(ctx, script, err));
    }

    /** stdout of a run that must succeed. */
    static String out(Program prog, String code) {
        Result r = code(prog, code);
        if (r.status() != 0) throw new AssertionError("script failed (" + r.status() + "): " + r.err());
        return r.out();
    }

    private interface Body {
        int run(Context ctx, PrintStream err);
    }

    private static Result run(Program prog, List<String> argv, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        JsRuntime rt = new JsRuntime((p, path) -> DumpLoader.open(p, Path.of(path), DebugInfoOptions.DEFAULT, w -> { }));
        int status;
        try (Context ctx = JsEngine.newContext(engine(), new ByteArrayInputStream(new byte[0]), out, err);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            JsEngine.install(ctx, rt).bindGlobals(ctx, prog, argv);
            status = body.run(ctx, errStream);
        }
        return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status);
    }
}
