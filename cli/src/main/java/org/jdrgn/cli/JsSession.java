package org.jdrgn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.graalvm.polyglot.Context;
import org.jdrgn.error.DrgnException;
import org.jdrgn.lang.js.JsApi;
import org.jdrgn.lang.js.JsEngine;
import org.jdrgn.lang.js.JsRuntime;
import org.jdrgn.lang.js.JsScript;
import org.jdrgn.program.load.DumpLoader;
import org.jdrgn.program.Program;

/**
 * Runs a .js script on GraalJS with {@code prog}, {@code drgn}, {@code scriptArgs} and
 * {@code process.argv} bound; {@code -e CODE} runs CODE as JS with the same globals.
 */
final class JsSession {
    private final Main opts;

    JsSession(Main opts) { this.opts = opts; }

    int run() {
        Path script = opts.resolve(Path.of(opts.script.get(0)));
        if (opts.code == null && !Files.isRegularFile(script)) {
            opts.err.println("error: " + opts.script.get(0) + ": No such file");
            return 1;
        }
        Program prog;
        try {
            prog = Session.open(opts);
        } catch (DrgnException e) {
            opts.err.println("error: " + e.getMessage());
            return 1;
        }
        Consumer<String> warn = Session.warnings(opts);
        JsRuntime rt = new JsRuntime((p, path) -> DumpLoader.open(p, opts.resolve(Path.of(path)), Session.debugOptions(opts), warn));
        try (Context ctx = JsEngine.newContext(null, opts.in, opts.out, opts.err)) {
            JsApi api = JsEngine.install(ctx, rt);
            api.bindGlobals(ctx, prog, opts.script);
            int status = opts.code != null
                    ? JsScript.runCode(ctx, opts.code, "<string>", opts.err)
                    : JsScript.runFile(ctx, script, opts.err);
            opts.out.flush();
            return status;
        }
    }
}
