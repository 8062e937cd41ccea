package org.jdrgn.cli.resident;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Engine;

/**
 * The next run's context, warmed in the background. A run takes the spare (or waits for the
 * one being built) and starts the next one's warm-up, so back-to-back runs find it ready.
 */
final class Spares implements AutoCloseable {
    private final Engine engine;
    private final AtomicReference<CompletableFuture<Spare>> next = new AtomicReference<>();

    Spares(Engine engine) {
        this.engine = engine;
        refill();
    }

    /** A context for one run; never handed out twice. */
    Spare take() throws InterruptedException {
        CompletableFuture<Spare> f = next.getAndSet(null);
        if (f == null) {
            f = new CompletableFuture<>();
            Spare.start(engine, f);
        }
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("jdrgn resident: could not prepare a Python context", e.getCause());
        }
    }

    /** Starts warming the next spare unless one is already there or on its way. */
    void refill() {
        if (next.get() != null) return;
        CompletableFuture<Spare> f = new CompletableFuture<>();
        if (next.compareAndSet(null, f)) Spare.start(engine, f);
    }

    @Override
    public void close() {
        CompletableFuture<Spare> f = next.getAndSet(null);
        if (f != null) f.thenAccept(Spare::discard);
    }
}
