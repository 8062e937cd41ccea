package org.jdrgn.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.jdrgn.error.DrgnException;
import org.jdrgn.lang.python.PyProgram;
import org.jdrgn.lang.python.PyRuntime;
import org.jdrgn.lang.python.PythonEngine;
import org.jdrgn.program.load.DumpLoader;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.kernel.LiveKernel;
import org.jdrgn.program.Program;

/** One CLI run: open the program, start Python, run the script / code / REPL. */
final class Session {
    private final Main opts;

    Session(Main opts) { this.opts = opts; }

    int run() {
        if (opts.code == null && !opts.script.isEmpty() && opts.script.get(0).endsWith(".js")) {
            return new JsSession(opts).run();
        }
        if (opts.code == null && !opts.script.isEmpty()) {      // with -e, the arguments are sys.argv's
            String problem = ScriptCheck.problem(opts.resolve(Path.of(opts.script.get(0))));
            if (problem != null) {
                opts.err.println(problem);
                return 1;
            }
        } else if (opts.code == null) {
            opts.err.println(Main.VERSION);
        }
        Program prog;
        try {
            prog = open(opts);
        } catch (DrgnException e) {
            opts.err.println("error: " + e.getMessage());
            return 1;
        }
        DebugInfoOptions dbg = debugOptions(opts);
        List<String> argv = opts.script.isEmpty() ? List.of("") : opts.script;
        PythonContexts.Opened opened = opts.contexts.open(
                (p, path) -> DumpLoader.open(p, opts.resolve(Path.of(path)), dbg, warnings(opts)),
                argv, opts.in, opts.out, opts.err);
        PyRuntime rt = opened.runtime();
        try (Context ctx = opened.context()) {
            Value cli = PythonEngine.eval(ctx, "import _jdrgn_cli\n_jdrgn_cli", "<jdrgn>");
            PyProgram pyProg = rt.wrap(prog);
            if (opts.code != null) {
                return main(ctx, opts.err, cli, "run_code", pyProg, opts.code, opts.script.toArray());
            } else if (!opts.script.isEmpty()) {
                return main(ctx, opts.err, cli, "run_script", pyProg, opts.script.toArray());
            }
            return guard(ctx, opts.err, () -> new Repl(ctx, cli, opts.in, opts.out)
                    .run(cli.invokeMember("repl_start", pyProg, Main.VERSION).asString()));
        }
    }

    static Program open(Main opts) {
        Program prog = new Program(null);
        if (opts.core == null) {                  // -k, or nothing: the running kernel, as drgn
            try {
                LiveKernel.open(prog, debugOptions(opts), warnings(opts));
            } catch (DrgnException e) {
                throw new DrgnException("cannot debug the running kernel: " + e.getMessage()
                        + (Files.exists(LiveKernel.KCORE) ? ""
                        : " (no /proc/kcore on this machine, as in a container; use -c VMCORE)"), e);
            }
            return prog;
        }
        // the CLI's own dump: without its vmlinux, a warning (drgn's CLI); a script's set_core_dump defers instead
        DumpLoader.open(prog, opts.resolve(opts.core), debugOptions(opts).withVmlinuxOptional(), warnings(opts));
        return prog;
    }

    /** The -s files drgn would use (it warns about the others once, and goes on). */
    static DebugInfoOptions debugOptions(Main opts) {
        if (opts.debugOptions == null) {
            opts.debugOptions = new DebugInfoOptions(opts.symbols.stream().map(opts::resolve).toList(),
                    !opts.noDefaultSymbols, opts.mainSymbols).withoutUnusable(warnings(opts));
        }
        return opts.debugOptions;
    }

    static java.util.function.Consumer<String> warnings(Main opts) {
        return opts.quiet ? w -> { } : w -> opts.err.println("warning: " + w);
    }

    /** Calls a _jdrgn_cli function through its main(): Python decides the exit status. */
    private static int main(Context ctx, PrintStream err, Value cli, String function, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = cli.getMember(function);
        System.arraycopy(args, 0, all, 1, args.length);
        int[] status = {1};
        int failed = guard(ctx, err, () -> status[0] = cli.invokeMember("main", all).asInt());
        return failed != 0 ? failed : status[0];
    }

    /** Runs Python code and turns its outcome into an exit status (tracebacks like python3). */
    static int guard(Context ctx, PrintStream err, Runnable body) {
        try {
            body.run();
            flush(ctx);
            return 0;
        } catch (PolyglotException e) {
            flush(ctx);
            if (e.isExit()) return e.getExitStatus();
            if (e.isCancelled() || e.isInterrupted()) return 130;
            if (e.isGuestException() && !e.isHostException() && e.getGuestObject() != null) {
                try {
                    ctx.eval("python", "import traceback, sys\n"
                            + "lambda e: (traceback.print_exception(type(e), e, e.__traceback__), sys.stderr.flush())")
                            .execute(e.getGuestObject());
                    return 1;
                } catch (PolyglotException ignored) {
                    // fall through to the plain message
                }
            }
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static void flush(Context ctx) {
        try {
            ctx.eval("python", "import sys\nsys.stdout.flush()\nsys.stderr.flush()");
        } catch (PolyglotException ignored) {
            // the context may be closing (exit); nothing left to flush then
        }
    }

    static int pythonMain(List<String> args, java.io.InputStream in, PrintStream out, PrintStream err) {
        PyRuntime rt = new PyRuntime((p, path) -> DumpLoader.open(p, Path.of(path), DebugInfoOptions.DEFAULT,
                w -> err.println("warning: " + w)));
        List<String> argv = args.isEmpty() ? List.of("") : args;
        try (Context ctx = PythonEngine.newContext(null, rt, argv, in, out, err)) {
            Value cli = PythonEngine.eval(ctx, "import _jdrgn_cli\n_jdrgn_cli", "<jdrgn>");
            if (args.isEmpty() && System.console() != null) {
                return guard(ctx, err, () -> new Repl(ctx, null, in, out).run(
                        "Python (GraalPy) with drgn importable; no program is open."));
            }
            return main(ctx, err, cli, "python_main", (Object) args.toArray());
        }
    }

    /** drgn's early check: running a core dump or a binary as a script is a common slip. */
    static final class ScriptCheck {
        private ScriptCheck() {}

        static String problem(Path script) {
            byte[] head = new byte[18];
            int n;
            try (var in = Files.newInputStream(script)) {
                n = in.readNBytes(head, 0, head.length);
            } catch (java.nio.file.NoSuchFileException e) {
                return "[Errno 2] No such file or directory: '" + script + "'";
            } catch (IOException e) {
                return "error: " + script + ": " + e.getMessage();
            }
            if (n < 18 || head[0] != 0x7f || head[1] != 'E' || head[2] != 'L' || head[3] != 'F') return null;
            int type = (head[16] & 0xff) | (head[17] & 0xff) << 8;
            if (head[5] == 2) type = (head[16] & 0xff) << 8 | (head[17] & 0xff);
            if (type == 4) {
                return "error: " + script + " is a core dump\nDid you mean \"-c " + script + "\"?";
            }
            return "error: " + script + " is a binary, not a drgn script";
        }
    }
}
