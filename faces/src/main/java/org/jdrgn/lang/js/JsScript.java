package org.jdrgn.lang.js;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * Runs a script in a prepared context and turns its outcome into an exit status: 0, or 1
 * after printing an uncaught error as {@code error: <Name>: <message>} and its JS stack.
 */
public final class JsScript {
    /** Thrown by the script's {@code process.exit(status)}. */
    static final class Exit extends RuntimeException {
        final int status;

        Exit(int status) {
            super("process.exit(" + status + ")", null, false, false);
            this.status = status;
        }
    }

    private JsScript() {}

    public static int runFile(Context ctx, Path script, PrintStream err) {
        Source src;
        try {
            src = Source.newBuilder("js", script.toFile()).build();
        } catch (IOException e) {
            err.println("error: " + script + ": " + e.getMessage());
            return 1;
        }
        return run(ctx, src, err);
    }

    public static int runCode(Context ctx, String code, String name, PrintStream err) {
        return run(ctx, Source.newBuilder("js", code, name).buildLiteral(), err);
    }

    private static int run(Context ctx, Source src, PrintStream err) {
        try {
            ctx.eval(src);
            return 0;
        } catch (PolyglotException e) {
            if (e.isHostException() && e.asHostException() instanceof Exit x) return x.status;
            if (e.isExit()) return e.getExitStatus();
            if (e.isCancelled() || e.isInterrupted()) return 130;
            err.println("error: " + describe(e).stripTrailing());
            return 1;
        }
    }

    /** The error's JS stack (its first line is "Name: message"), else the polyglot message. */
    static String describe(PolyglotException e) {
        if (e.isSyntaxError() || !e.isGuestException()) return e.getMessage();
        Value guest = e.getGuestObject();
        if (guest != null && guest.hasMember("stack")) {
            Value stack = guest.getMember("stack");
            if (stack.isString()) return stack.asString();
        }
        StringBuilder sb = new StringBuilder(e.getMessage());
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            if (f.isGuestFrame()) sb.append("\n    at ").append(f);
        }
        return sb.toString();
    }
}
