package org.jdrgn.types;

import java.util.Objects;

/**
 * A parameter of a function type (drgn's {@code TypeParameter}); its type is lazy like a
 * member's.
 *
 * @param name the parameter's name, or null if unnamed
 */
public record TypeParameter(LazyType lazyType, String name) {
    public TypeParameter {
        Objects.requireNonNull(lazyType, "lazyType");
    }

    public TypeParameter(Type type, String name) {
        this(LazyType.of(type), name);
    }

    public Type type() { return lazyType.get(); }
}
