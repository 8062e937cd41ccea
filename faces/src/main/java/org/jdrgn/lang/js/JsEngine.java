package org.jdrgn.lang.js;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Builds GraalJS contexts with drgn.js installed. One {@link Engine} may be shared by many
 * contexts (tests, batch runs): it keeps parsed sources and warm code between them.
 */
public final class JsEngine {
    /** Only @Export members; Java arrays and byte buffers read like JS arrays and buffers. */
    static final HostAccess HOST_ACCESS = HostAccess.newBuilder(HostAccess.EXPLICIT)
            .allowArrayAccess(true)
            .allowListAccess(true)
            .allowBufferAccess(true)
            .build();

    private static final String DRGN_JS = "drgn.js";
    private static final String HELPERS_JS = "drgn-helpers.js";

    private JsEngine() {}

    public static Engine newEngine() {
        return Engine.newBuilder("js")
                .option("engine.WarnInterpreterOnly", "false")
                .build();
    }

    /** A JS context (no engine: a private one) reading and writing the given streams. */
    public static Context newContext(Engine engine, InputStream in, OutputStream out, OutputStream err) {
        Context.Builder b = Context.newBuilder("js")
                .allowHostAccess(HOST_ACCESS)
                .allowIO(IOAccess.ALL)                 // load('file.js') from scripts
                .in(in).out(out).err(err);
        if (engine != null) {
            b.engine(engine);
        } else {
            b.option("engine.WarnInterpreterOnly", "false");
        }
        return b.build();
    }

    /** Evaluates drgn.js (and drgn-helpers.js, which it calls) in {@code ctx} for {@code rt}: the drgn namespace and its wrap(). */
    public static JsApi install(Context ctx, JsRuntime rt) {
        Object[] shapes = org.jdrgn.lang.KernelHelpers.helpers().stream()
                .map(h -> new Object[] {h.name(), h.shape().name()}).toArray();
        var exports = ctx.eval(source(DRGN_JS)).execute(rt, ctx.eval(source(HELPERS_JS)), shapes);
        return new JsApi(rt, exports.getMember("drgn"), exports.getMember("wrap"));
    }

    private static Source source(String name) {
        URL url = JsEngine.class.getResource(name);
        if (url == null) throw new IllegalStateException("jdrgn's " + name + " is missing from the class path");
        try (var in = url.openStream()) {
            // named by its bare file name: drgn.js trims its own frames from error stacks by it
            return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), name).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
