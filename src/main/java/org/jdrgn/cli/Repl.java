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

    Repl(Context ctx, Value cli) {
        this.ctx = ctx;
        this.cli = cli;
    }

    void run(String banner) {
        try (Terminal term = TerminalBuilder.builder().system(true).build()) {
            DefaultParser parser = new DefaultParser();
            parser.setEscapeChars(new char[0]);
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(term)
                    .parser(parser)
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".jdrgn_history"))
                    .option(LineReader.Option.HISTORY_IGNORE_SPACE, false)
                    .option(LineReader.Option.HISTORY_REDUCE_BLANKS, false)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
            term.writer().println(banner);
            term.flush();
            loop(reader, term);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void loop(LineReader reader, Terminal term) {
        StringBuilder buf = new StringBuilder();
        while (true) {
            String line;
            try {
                line = reader.readLine(buf.isEmpty() ? ">>> " : "... ");
            } catch (UserInterruptException e) {
                term.writer().println("KeyboardInterrupt");
                buf.setLength(0);
                continue;
            } catch (EndOfFileException e) {
                term.writer().println();
                return;
            }
            if (buf.isEmpty() && line.isBlank()) continue;
            buf.append(line).append('\n');
            if (!complete(buf.toString(), line)) continue;
            String source = buf.toString();
            buf.setLength(0);
            execute(source, term);
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
        Terminal.SignalHandler previous = term.handle(Terminal.Signal.INT, s -> interrupt());
        try {
            if (cli != null) {
                cli.invokeMember("repl_exec", source);
            } else {
                ctx.eval(Source.newBuilder("python", source, "<stdin>").interactive(true).buildLiteral());
            }
        } catch (PolyglotException e) {
            if (e.isExit()) throw e;
            if (e.isCancelled()) throw e;
            term.writer().println(e.isInterrupted() ? "KeyboardInterrupt" : e.getMessage());
        } finally {
            term.handle(Terminal.Signal.INT, previous);
            term.flush();
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
