package org.jdrgn.types;

import java.util.Objects;

/**
 * An array of {@code element}; {@code length} is null for an incomplete array
 * ({@code int []}). The length is an unsigned 64-bit count, as in drgn (the parser accepts
 * {@code int [18446744073709551615]}); use {@link Long#toUnsignedString} to print it.
 */
public record ArrayType(Type element, Long length, Qualifiers qualifiers, Language language)
        implements Type {
    public ArrayType {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(qualifiers, "qualifiers");
        Objects.requireNonNull(language, "language");
    }

    public ArrayType(Type element, Long length) {
        this(element, length, Qualifiers.NONE, Language.C);
    }

    @Override public TypeKind kind() { return TypeKind.ARRAY; }

    @Override
    public ArrayType qualified(Qualifiers q) {
        return q.equals(qualifiers) ? this : new ArrayType(element, length, q, language);
    }

    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
