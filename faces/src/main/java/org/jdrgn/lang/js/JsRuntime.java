package org.jdrgn.lang.js;

import java.util.function.Supplier;
import org.graalvm.polyglot.HostAccess.Export;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.jdrgn.program.Architecture;
import org.jdrgn.program.Platform;
import org.jdrgn.program.Program;

/**
 * The per-Context bridge drgn.js receives: factories for programs and platforms, and the
 * one place where engine exceptions become JS errors (see {@link JsErrors}).
 */
public final class JsRuntime {
    private final JsErrors errors = new JsErrors();
    private final ProgramOpener opener;

    /** How the CLI's program options turn into an opened Program (core + symbol files). */
    @FunctionalInterface
    public interface ProgramOpener {
        void openCore(Program prog, String path);
    }

    public JsRuntime(ProgramOpener opener) { this.opener = opener; }

    @Export public void registerErrors(Value table) { errors.register(table); }

    @Export public JsProgram newProgram(Value arch, int flags) {
        Platform p = arch.isNull() ? null : new Platform(Architecture.values()[arch.asInt()], flags);
        return new JsProgram(this, new Program(p));
    }

    public JsProgram wrap(Program prog) { return new JsProgram(this, prog); }

    @Export public Object[] hostPlatform() {
        return new Object[] {Platform.X86_64.arch().value(), Platform.X86_64.flags()};
    }

    // TODO(lead): drgn's default flags per architecture belong in org.jdrgn.program.Platform;
    // PyRuntime holds the same table.
    @Export public int defaultPlatformFlags(int arch) {
        return Platform.defaultFlags(Architecture.values()[arch]);
    }

    @Export public Object[] registerNames(int arch) {
        return new Platform(Architecture.values()[arch], 0).registers().toArray();
    }

    void openCore(Program prog, String path) { opener.openCore(prog, path); }

    /** Runs an engine call, turning engine exceptions into drgn's JS errors. */
    <T> T call(Supplier<T> body) {
        try {
            return body.get();
        } catch (PolyglotException e) {
            throw e;                                 // a JS error from a callback: as is
        } catch (RuntimeException | StackOverflowError e) {
            throw errors.raise(e);
        }
    }

    void run(Runnable body) {
        call(() -> {
            body.run();
            return null;
        });
    }
}
