package org.jdrgn.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive Python prompt. JLine reads lines in Java (GraalPy's own console misjudges
 * incomplete input); a buffer is complete when GraalPy parses it and, for a block, after
 * a blank line. Ctrl-C at the prompt drops the buffer; while code runs it interrupts it.
 */
final class Repl {
    private final Context ctx;
    private final Value cli;     // _jdrgn_cli module, or null for a bare --python prompt
    private final java.io.InputStream in;
    private final java.io.OutputStream out;

    Repl(Context ctx, Value cli, java.io.InputStream in, java.io.OutputStream out) {
        this.ctx = ctx;
        this.cli = cli;
        this.in = in;
        this.out = out;
    }

    /** The real terminal when we own the console; a dumb one over the streams otherwise (pipes, tests). */
    private Terminal terminal() throws IOException {
        if (in == System.in && out == System.out && System.console() != null) {
            return TerminalBuilder.builder().system(true).build();
        }
        return TerminalBuilder.builder().system(false).streams(in, out).dumb(true).build();
    }

    void run(String banner) {
        if (in == System.in && out == System.out && System.console() != null) {
            try (Terminal term = TerminalBuilder.builder().system(true).build()) {
                LineReader reader = lineReader(term);
                term.writer().println(banner);
                term.flush();
                loop(prompt -> reader.readLine(prompt), term);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            // Piped input (scripts, tests): plain lines, prompts echoed like Python's input().
            java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(in));
            java.io.PrintStream ps = new java.io.PrintStream(out, true);
            ps.println(banner);
            loop(prompt -> {
                ps.print(prompt);
                ps.flush();
                try {
                    String line = lines.readLine();
                    if (line == null) throw new EndOfFileException();
                    return line;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, null);
        }
    }

    private static LineReader lineReader(Terminal term) {
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(new char[0]);
        return LineReaderBuilder.builder()
                .terminal(term)
                .parser(parser)
                .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".jdrgn_history"))
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, false)
                .option(LineReader.Option.HISTORY_REDUCE_BLANKS, false)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
    }

    private interface LineSource {
        String read(String prompt);
    }

    private void loop(LineSource source, Terminal term) {
        StringBuilder buf = new StringBuilder();
        while (true) {
            String line;
            try {
                line = source.read(buf.isEmpty() ? ">>> " : "... ");
            } catch (UserInterruptException e) {
                System.err.println("KeyboardInterrupt");
                buf.setLength(0);
                continue;
            } catch (EndOfFileException e) {
                return;
            }
            if (buf.isEmpty() && line.isBlank()) continue;
            buf.append(line).append('\n');
            if (!complete(buf.toString(), line)) continue;
            String code = buf.toString();
            buf.setLength(0);
            execute(code, term);
        }
    }

    /** Complete: parses, and a multi-line block has been closed by a blank line. */
    private boolean complete(String source, String lastLine) {
        try {
            ctx.parse(Source.newBuilder("python", source, "<stdin>").interactive(true).buildLiteral());
        } catch (PolyglotException e) {
            if (e.isIncompleteSource()) return false;
            return true;                                   // a syntax error: let exec report it
        }
        boolean block = source.indexOf('\n') < source.length() - 1 || source.stripTrailing().endsWith(":");
        return !block || lastLine.isBlank();
    }

    private void execute(String source, Terminal term) {
        Terminal.SignalHandler previous = term == null ? null : term.handle(Terminal.Signal.INT, s -> interrupt());
        try {
            if (cli != null) {
                cli.invokeMember("repl_exec", source);
            } else {
                ctx.eval(Source.newBuilder("python", source, "<stdin>").interactive(true).buildLiteral());
            }
        } catch (PolyglotException e) {
            if (e.isExit()) throw e;
            if (e.isCancelled()) throw e;
            System.err.println(e.isInterrupted() ? "KeyboardInterrupt" : e.getMessage());
        } finally {
            if (term != null) {
                term.handle(Terminal.Signal.INT, previous);
                term.flush();
            }
        }
    }

    private void interrupt() {
        Thread t = new Thread(() -> {
            try {
                ctx.interrupt(Duration.ofSeconds(5));
            } catch (java.util.concurrent.TimeoutException ignored) {
                // the code did not stop in time; the user may press Ctrl-C again
            }
        }, "jdrgn-interrupt");
        t.setDaemon(true);
        t.start();
    }
}
