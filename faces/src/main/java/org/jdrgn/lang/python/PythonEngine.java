package org.jdrgn.lang.python;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Builds GraalPy contexts with jdrgn's Python package on sys.path and the {@code jdrgn}
 * bridge bound. One {@link Engine} may be shared by many contexts (tests, batch runs):
 * a second context on a warm engine costs tens of milliseconds instead of seconds.
 */
public final class PythonEngine {
    static final HostAccess HOST_ACCESS = HostAccess.newBuilder(HostAccess.EXPLICIT)
            .allowArrayAccess(true)
            .allowListAccess(true)
            .allowBufferAccess(true)
            .build();

    private PythonEngine() {}

    public static Engine newEngine() {
        return Engine.newBuilder("python")
                .option("engine.WarnInterpreterOnly", "false")
                .build();
    }

    /**
     * A Python context.
     * @param argv sys.argv (argv[0] first)
     */
    public static Context newContext(Engine engine, PyRuntime runtime, List<String> argv,
                                     InputStream in, OutputStream out, OutputStream err) {
        Context.Builder b = Context.newBuilder("python")
                .allowHostAccess(HOST_ACCESS)
                .allowHostClassLookup(name -> name.startsWith("org.jdrgn.lang.python."))
                .allowPolyglotAccess(PolyglotAccess.ALL)
                .allowIO(IOAccess.ALL)
                .allowCreateThread(true)
                .allowCreateProcess(true)
                .allowEnvironmentAccess(EnvironmentAccess.INHERIT)
                .allowNativeAccess(false)
                .option("python.PythonPath", PythonPackage.directory().toString())
                .option("python.DontWriteBytecodeFlag", "false")
                .in(in).out(out).err(err)
                .arguments("python", argv.toArray(String[]::new));
        if (engine != null) b.engine(engine);
        Context ctx = b.build();
        ctx.getPolyglotBindings().putMember("jdrgn", runtime);
        return ctx;
    }

    /** Evaluates Python source in {@code __main__}'s namespace. */
    public static Value eval(Context ctx, String code, String name) {
        return ctx.eval(Source.newBuilder("python", code, name).buildLiteral());
    }
}
