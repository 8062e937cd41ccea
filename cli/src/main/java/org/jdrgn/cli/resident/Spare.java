package org.jdrgn.cli.resident;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.jdrgn.lang.python.PyRuntime;
import org.jdrgn.lang.python.PythonEngine;

/**
 * A Python context built ahead of its run, _jdrgn_cli (hence drgn and _drgn) already
 * imported; its streams and core opener are pointed at the run when one takes it.
 * Each spare has its own thread, which builds the context and then runs the one run given
 * to it: GraalPy reports {@code os._exit(n)} as an exit with status n only on the thread
 * that created the context (elsewhere it is a bare cancellation).
 */
final class Spare {
    final Context context;
    final PyRuntime runtime;
    final Switchable.In in;
    final Switchable.Out out;
    final Switchable.Out err;
    final AtomicReference<PyRuntime.ProgramOpener> opener;
    private final CompletableFuture<Callable<Integer>> job = new CompletableFuture<>();
    private final CompletableFuture<Integer> result = new CompletableFuture<>();

    private Spare(Context context, PyRuntime runtime, Switchable.In in, Switchable.Out out, Switchable.Out err,
                  AtomicReference<PyRuntime.ProgramOpener> opener) {
        this.context = context;
        this.runtime = runtime;
        this.in = in;
        this.out = out;
        this.err = err;
        this.opener = opener;
    }

    /** Starts the spare's thread: it completes {@code ready}, then serves one {@link #run}. */
    static void start(Engine engine, CompletableFuture<Spare> ready) {
        Thread.ofPlatform().daemon().name("jdrgn-context").start(() -> {
            Spare s;
            try {
                s = build(engine);
            } catch (RuntimeException | Error e) {
                ready.completeExceptionally(e);
                return;
            }
            ready.complete(s);
            Callable<Integer> body;
            try {
                body = s.job.get();
            } catch (InterruptedException | ExecutionException | java.util.concurrent.CancellationException e) {
                s.context.close(true);                 // discarded (server exit): never ran
                return;
            }
            try {
                s.result.complete(body.call());
            } catch (Exception | Error e) {
                s.result.completeExceptionally(e);
            }
        });
    }

    /** Runs {@code body} (the CLI run) on this spare's thread; its exit status. */
    int run(Callable<Integer> body) throws InterruptedException, ExecutionException {
        job.complete(body);
        return result.get();
    }

    /** Drops a spare nobody will run. */
    void discard() { job.cancel(false); }

    private static Spare build(Engine engine) {
        long t0 = System.nanoTime();
        Switchable.In in = new Switchable.In();
        Switchable.Out out = new Switchable.Out();
        Switchable.Out err = new Switchable.Out();
        AtomicReference<PyRuntime.ProgramOpener> opener = new AtomicReference<>((p, path) -> {
            throw new IllegalStateException("no run owns this context");
        });
        PyRuntime rt = new PyRuntime((p, path) -> opener.get().openCore(p, path));
        Context ctx = PythonEngine.newContext(engine, rt, List.of(""), in, out, err);
        PythonEngine.eval(ctx, "import _jdrgn_cli", "<jdrgn>");
        System.err.printf("jdrgn resident: spare context ready in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        return new Spare(ctx, rt, in, out, err, opener);
    }
}
