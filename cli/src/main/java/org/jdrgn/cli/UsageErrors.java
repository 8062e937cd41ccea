package org.jdrgn.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * drgn's (argparse's) manners for a bad command line: the short usage, then one line
 * {@code jdrgn: error: ...}, exit status 2 — not picocli's whole help. The messages are
 * argparse's words, so a user (or a wrapper script) sees what drgn 0.0.22 prints.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    static final int STATUS = 2;

    /** argparse's usage line for our options, wrapped as argparse wraps it (under "usage: jdrgn"). */
    static final String USAGE = """
            usage: jdrgn [-h] [-k | -c PATH] [-s PATH]
                         [--main-symbols | --no-default-symbols] [-e CODE] [-q]
                         [--version]
                         ...""";

    /** Pairs argparse would refuse together (its mutually exclusive groups), as option names. */
    private static final List<List<String>> EXCLUSIVE = List.of(
            List.of("-k", "-c"), List.of("--main-symbols", "--no-default-symbols"));

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        report(e.getCommandLine().getErr(), message(e));
        return STATUS;
    }

    static void report(PrintWriter err, String message) {
        err.println(USAGE);
        err.println("jdrgn: error: " + message);
        err.flush();
    }

    private static String message(ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            return "unrecognized arguments: " + String.join(" ", u.getUnmatched());
        }
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()
                && m.getMissing().get(0) instanceof OptionSpec o) {
            return "argument " + names(o) + ": expected one argument";
        }
        if (e.getArgSpec() instanceof OptionSpec o && e.getMessage().startsWith("Expected parameter")) {
            return "argument " + names(o) + ": expected one argument";
        }
        return e.getMessage();
    }

    /**
     * argparse's mutual exclusion, checked on the parsed line: the later option of a refused
     * pair is named first ("argument -c/--core: not allowed with argument -k/--kernel").
     * Returns null when the line is fine.
     */
    static String conflict(CommandLine.ParseResult parsed) {
        for (List<String> pair : EXCLUSIVE) {
            OptionSpec a = parsed.matchedOption(pair.get(0)), b = parsed.matchedOption(pair.get(1));
            if (a == null || b == null) continue;
            boolean aFirst = parsed.originalArgs().indexOf(firstSpelling(parsed, a))
                    < parsed.originalArgs().indexOf(firstSpelling(parsed, b));
            OptionSpec later = aFirst ? b : a, earlier = aFirst ? a : b;
            return "argument " + names(later) + ": not allowed with argument " + names(earlier);
        }
        return null;
    }

    private static String firstSpelling(CommandLine.ParseResult parsed, OptionSpec o) {
        for (String arg : parsed.originalArgs()) {
            for (String n : o.names()) {
                if (arg.equals(n) || arg.startsWith(n + "=") || (n.length() == 2 && arg.startsWith(n))) return arg;
            }
        }
        return o.longestName();
    }

    /** argparse names an option by all its spellings, short first: "-c/--core". */
    private static String names(OptionSpec o) {
        return String.join("/", o.names());
    }
}
