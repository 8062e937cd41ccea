package org.jdrgn.types;

import java.nio.ByteOrder;
import java.util.Objects;

/** A floating-point type; "double long" and the like are normalized as drgn does. */
public record FloatType(String name, long size, ByteOrder byteOrder, Qualifiers qualifiers,
                        Language language) implements Type {
    public FloatType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(byteOrder, "byteOrder");
        Objects.requireNonNull(qualifiers, "qualifiers");
        Objects.requireNonNull(language, "language");
        if (size < 0) throw new IllegalArgumentException("negative size: " + size);
        PrimitiveType p = PrimitiveNames.parse(name);
        if (p != null && p.kind() == TypeKind.FLOAT) name = p.spelling();
    }

    public FloatType(String name, long size) {
        this(name, size, ByteOrder.LITTLE_ENDIAN, Qualifiers.NONE, Language.C);
    }

    @Override public TypeKind kind() { return TypeKind.FLOAT; }

    @Override
    public PrimitiveType primitive() {
        PrimitiveType p = PrimitiveNames.parse(name);
        return p != null && p.kind() == TypeKind.FLOAT ? p : null;
    }

    @Override
    public FloatType qualified(Qualifiers q) {
        return q.equals(qualifiers) ? this : new FloatType(name, size, byteOrder, q, language);
    }

    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
