package org.jdrgn.cli.resident;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.jdrgn.cli.PythonContexts;
import org.jdrgn.lang.python.PyRuntime;
import org.jdrgn.lang.python.PythonEngine;

/** Hands one run its spare context, set up as the client's process: streams, cwd, environment, argv. */
final class ResidentContexts implements PythonContexts {
    private final Spare spare;
    private final String cwd;
    private final Map<String, String> env;

    ResidentContexts(Spare spare, String cwd, Map<String, String> env) {
        this.spare = spare;
        this.cwd = cwd;
        this.env = env;
    }

    @Override
    public Opened open(PyRuntime.ProgramOpener opener, List<String> argv, InputStream in, OutputStream out,
                       OutputStream err) {
        spare.in.set(in);
        spare.out.set(out);
        spare.err.set(err);
        spare.opener.set(opener);
        String[] kv = env.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
        Value cli = PythonEngine.eval(spare.context, "import _jdrgn_cli\n_jdrgn_cli", "<jdrgn>");
        cli.invokeMember("enter", cwd, kv, argv.toArray(String[]::new));
        return new Opened(spare.context, spare.runtime);
    }
}
