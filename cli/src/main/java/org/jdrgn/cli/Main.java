package org.jdrgn.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jdrgn}: drgn's command line, on GraalPy. */
@Command(name = "jdrgn", mixinStandardHelpOptions = false, sortOptions = false,
        description = "Programmable debugger for core dumps (drgn-compatible).",
        footer = {"", "  jdrgn --python [ARGS...]   run GraalPy like python3, with drgn importable"})
public final class Main implements Callable<Integer> {
    public static final String VERSION = "jdrgn 0.1.0 (drgn 0.0.22 API, GraalPy 25.0.3)";

    @Option(names = {"-c", "--core"}, paramLabel = "PATH", description = "debug the given core dump")
    Path core;

    @Option(names = {"-k", "--kernel"}, description = "debug the running kernel")
    boolean kernel;

    @Option(names = {"-s", "--symbols"}, paramLabel = "PATH",
            description = "load additional debugging symbols from the given file; may be given more than once")
    List<Path> symbols = new ArrayList<>();

    @Option(names = "--main-symbols", description = "only load debugging symbols for the main executable and those added with -s")
    boolean mainSymbols;

    @Option(names = "--no-default-symbols", description = "don't load any debugging symbols that were not explicitly added with -s")
    boolean noDefaultSymbols;

    @Option(names = "-e", paramLabel = "CODE", description = "evaluate CODE and exit (remaining arguments go to sys.argv)")
    String code;

    @Option(names = {"-q", "--quiet"}, description = "don't print non-fatal warnings (e.g., about missing debugging information)")
    boolean quiet;

    @Option(names = "--version", description = "show the version and exit")
    boolean version;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help message and exit")
    boolean help;

    java.io.InputStream in = System.in;
    PrintStream out = System.out;
    PrintStream err = System.err;
    /** The caller's working directory when it is not this JVM's (the resident server); null: this JVM's. */
    Path cwd;
    PythonContexts contexts = PythonContexts.FRESH;
    /** -s files and symbol options as checked once (Session.debugOptions). */
    org.jdrgn.program.DebugInfoOptions debugOptions;

    @Parameters(paramLabel = "ARG", description = "script to execute instead of running in interactive mode, and its arguments")
    List<String> script = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the CLI; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /** Runs the CLI on the given streams (tests pass their own); returns the exit status. */
    public static int run(String[] args, java.io.InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, null, PythonContexts.FRESH);
    }

    /**
     * Runs the CLI for a caller in directory {@code cwd} (relative paths resolve there; null:
     * this JVM's), taking its Python context from {@code contexts}; returns the exit status.
     */
    public static int run(String[] args, java.io.InputStream in, PrintStream out, PrintStream err,
                          Path cwd, PythonContexts contexts) {
        if (args.length > 0 && args[0].equals("--python")) {
            return Session.pythonMain(List.of(args).subList(1, args.length), in, out, err);
        }
        Main main = new Main();
        main.in = in;
        main.out = out;
        main.err = err;
        main.cwd = cwd;
        main.contexts = contexts;
        CommandLine cl = new CommandLine(main);
        cl.setStopAtPositional(true);            // everything after the script is the script's
        cl.setUnmatchedOptionsArePositionalParams(false);
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setParameterExceptionHandler(new UsageErrors());
        cl.setExecutionExceptionHandler((e, c, p) -> {
            err.println("error: " + e.getMessage());
            return 1;
        });
        main.parsed = cl::getParseResult;
        return cl.execute(args);
    }

    /** The parsed command line (for argparse-style checks across options). */
    java.util.function.Supplier<CommandLine.ParseResult> parsed = () -> null;

    @Override
    public Integer call() {
        if (version) {              // drgn prints its version on stdout
            out.println(VERSION);
            return 0;
        }
        CommandLine.ParseResult p = parsed.get();
        String conflict = p == null ? null : UsageErrors.conflict(p);
        if (conflict != null) {
            UsageErrors.report(new java.io.PrintWriter(err, true), conflict);
            return UsageErrors.STATUS;
        }
        return new Session(this).run();
    }

    /** A path the user typed, as this JVM must open it. */
    Path resolve(Path p) { return cwd == null || p == null ? p : cwd.resolve(p); }
}
