package org.jdrgn.lang.js;

import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.jdrgn.program.Program;

/**
 * drgn.js as installed in one Context: the {@code drgn} namespace and the function that
 * wraps a Java program in a JS {@code drgn.Program}.
 */
public record JsApi(JsRuntime runtime, Value drgn, Value wrap) {

    /** The JS drgn.Program for an engine Program. */
    public Value program(Program prog) {
        return wrap.execute(runtime.wrap(prog));
    }

    /**
     * Binds a script's globals: {@code drgn}, {@code prog} (omitted if null),
     * {@code scriptArgs} = [script, ...args], {@code process.argv} = ['jdrgn', script, ...args]
     * and {@code process.exit(status)} (a host exception: a script's catch-all can catch it).
     */
    public void bindGlobals(Context ctx, Program prog, List<String> scriptArgs) {
        Value g = ctx.getBindings("js");
        g.putMember("drgn", drgn);
        if (prog != null) g.putMember("prog", program(prog));
        List<String> argv = new ArrayList<>(scriptArgs.size() + 1);
        argv.add("jdrgn");
        argv.addAll(scriptArgs);
        Value toArray = ctx.eval("js", "(a) => Object.freeze(Array.from(a))");
        g.putMember("scriptArgs", toArray.execute((Object) scriptArgs.toArray(String[]::new)));
        ProxyExecutable exit = args -> {
            throw new JsScript.Exit(args.length == 0 || args[0].isNull() ? 0 : args[0].asInt());
        };
        Value process = ctx.eval("js", "(argv, exit) => Object.freeze({argv, exit: (status = 0) => exit(status)})")
                .execute(toArray.execute((Object) argv.toArray(String[]::new)), exit);
        g.putMember("process", process);
    }
}
