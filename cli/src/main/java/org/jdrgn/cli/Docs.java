package org.jdrgn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The man page (troff) and the shell completion script, both made from the picocli model of
 * the command line, so they cannot drift from it. The build runs
 * {@code Docs DIR} and writes {@code DIR/jdrgn.1} and {@code DIR/jdrgn.bash} (bash; zsh with
 * bashcompinit); {@code ./jdrgn --install} puts them where man and bash look.
 */
public final class Docs {
    private Docs() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(dir);
        CommandLine cl = new CommandLine(new Main());
        Files.writeString(dir.resolve("jdrgn.1"), manPage(cl.getCommandSpec()));
        Files.writeString(dir.resolve("jdrgn.bash"), AutoComplete.bash("jdrgn", cl));
    }

    /** A section-1 man page in plain troff (man(7) macros). */
    static String manPage(CommandSpec spec) {
        StringBuilder b = new StringBuilder();
        b.append(".TH JDRGN 1 \"\" \"").append(esc(Main.VERSION)).append("\" \"User Commands\"\n");
        b.append(".SH NAME\njdrgn \\- ").append(esc(String.join(" ", spec.usageMessage().description()))).append('\n');
        b.append(".SH SYNOPSIS\n");
        b.append(".B jdrgn\n[\\fIOPTIONS\\fR] [\\fISCRIPT\\fR [\\fIARG\\fR...]]\n.br\n");
        b.append(".B jdrgn \\-\\-python\n[\\fIPYTHON-ARGS\\fR...]\n");
        b.append(".SH DESCRIPTION\n");
        b.append("""
                jdrgn debugs Linux kernel crash dumps and userspace core dumps with the API of drgn.
                With a script, it runs the script (Python, or JavaScript for \\fB.js\\fR files) with
                \\fBprog\\fR bound to the program; with \\fB\\-e\\fR it runs the code given; otherwise
                it starts an interactive Python session. Without \\fB\\-c\\fR it debugs the running
                kernel through /proc/kcore, as drgn does.
                """);
        b.append(".SH OPTIONS\n");
        for (OptionSpec o : spec.options()) {
            b.append(".TP\n.B ").append(esc(String.join(", ", o.names())));
            if (o.arity().max() > 0) b.append(" \\fI").append(esc(o.paramLabel())).append("\\fR");
            b.append('\n').append(esc(String.join(" ", o.description()))).append('\n');
        }
        for (var sub : spec.subcommands().entrySet()) {
            CommandSpec s = sub.getValue().getCommandSpec();
            b.append(".SH COMMAND ").append(esc(sub.getKey().toUpperCase())).append('\n');
            b.append(esc(String.join(" ", s.usageMessage().description()))).append('\n');
            for (OptionSpec o : s.options()) {
                b.append(".TP\n.B ").append(esc(String.join(", ", o.names())));
                if (o.arity().max() > 0) b.append(" \\fI").append(esc(o.paramLabel())).append("\\fR");
                b.append('\n').append(esc(String.join(" ", o.description()))).append('\n');
            }
        }
        b.append(".SH ENVIRONMENT\n");
        for (List<String> e : ENVIRONMENT) {
            b.append(".TP\n.B ").append(e.get(0)).append('\n').append(esc(e.get(1))).append('\n');
        }
        b.append(".SH EXIT STATUS\n0 on success; 1 when the script or the program fails (a Python "
                + "traceback is printed); 2 for a bad command line.\n");
        b.append(".SH SEE ALSO\n.BR drgn (1),\n.BR gdb (1)\n");
        return b.toString();
    }

    private static final List<List<String>> ENVIRONMENT = List.of(
            List.of("XDG_CACHE_HOME", "where the build, decompressed .zst files and debug-info indexes are kept (default ~/.cache)"),
            List.of("JDRGN_RESIDENT", "1: hand scripts and -e to a warm server JVM (fast start-up)"),
            List.of("JDRGN_JIT", "1: run with Graal's optimizing compiler (for long scripts)"),
            List.of("JDRGN_JAVA_HOME", "the JDK 25 to run on (default: Temurin 25 under /usr/lib/jvm)"));

    /** troff: a backslash is \e, a leading dot or quote would start a request. */
    private static String esc(String s) {
        String t = s.replace("\\", "\\e").replace("-", "\\-");
        return t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t;
    }
}
