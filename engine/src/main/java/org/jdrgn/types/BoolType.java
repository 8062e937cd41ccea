package org.jdrgn.types;

import java.nio.ByteOrder;
import java.util.Objects;

/** A boolean type (C's {@code _Bool}). */
public record BoolType(String name, long size, ByteOrder byteOrder, Qualifiers qualifiers,
                       Language language) implements Type {
    public BoolType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(byteOrder, "byteOrder");
        Objects.requireNonNull(qualifiers, "qualifiers");
        Objects.requireNonNull(language, "language");
        if (size < 0) throw new IllegalArgumentException("negative size: " + size);
    }

    public BoolType(String name, long size) {
        this(name, size, ByteOrder.LITTLE_ENDIAN, Qualifiers.NONE, Language.C);
    }

    @Override public TypeKind kind() { return TypeKind.BOOL; }

    @Override
    public PrimitiveType primitive() {
        return PrimitiveNames.parse(name) == PrimitiveType.C_BOOL ? PrimitiveType.C_BOOL : null;
    }

    @Override
    public BoolType qualified(Qualifiers q) {
        return q.equals(qualifiers) ? this : new BoolType(name, size, byteOrder, q, language);
    }

    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
