package org.jdrgn.types;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A type evaluated on first use and then cached: members and parameters hold one so that a
 * DWARF reader can build a struct without parsing every member type (and a struct can refer to
 * itself). Thread-safe; the supplier runs at most once when it succeeds. If it throws, nothing
 * is cached and the next {@link #get()} tries again (drgn behaves the same way).
 */
public final class LazyType implements Supplier<Type> {
    private volatile Type value;
    private Supplier<? extends Type> supplier;

    private LazyType(Type value, Supplier<? extends Type> supplier) {
        this.value = value;
        this.supplier = supplier;
    }

    /** An already evaluated type. */
    public static LazyType of(Type type) {
        return new LazyType(Objects.requireNonNull(type, "type"), null);
    }

    /** A thunk evaluated on the first {@link #get()}. */
    public static LazyType of(Supplier<? extends Type> supplier) {
        return new LazyType(null, Objects.requireNonNull(supplier, "supplier"));
    }

    /** True once the type has been evaluated. */
    public boolean isEvaluated() { return value != null; }

    @Override
    public Type get() {
        Type v = value;
        if (v != null) return v;
        synchronized (this) {
            if (value == null) {
                Type t = Objects.requireNonNull(supplier.get(), "lazy type supplier returned null");
                value = t;
                supplier = null; // let the DWARF context it captured be collected
            }
            return value;
        }
    }
}
