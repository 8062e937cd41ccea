package org.jdrgn.elf;

import java.util.function.Supplier;

/** A value computed once on first use, thread-safe; a failure is rethrown on every call. */
public final class Lazy<T> implements Supplier<T> {
    private Supplier<T> init;
    private volatile T value;
    private RuntimeException failure;

    public Lazy(Supplier<T> init) { this.init = init; }

    @Override
    public T get() {
        T v = value;
        if (v != null) return v;
        synchronized (this) {
            if (value != null) return value;
            if (failure != null) throw failure;
            try {
                value = init.get();
                init = null;
                return value;
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
    }
}
