package org.jdrgn.types;

import java.nio.ByteOrder;
import java.util.Objects;

/**
 * An integer type. The name is normalized as drgn does when it spells a C integer primitive
 * with matching signedness ("long int" becomes "long", "unsigned" becomes "unsigned int");
 * any other name is kept as given.
 */
public record IntType(String name, long size, boolean isSigned, ByteOrder byteOrder,
                      Qualifiers qualifiers, Language language) implements Type {
    public IntType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(byteOrder, "byteOrder");
        Objects.requireNonNull(qualifiers, "qualifiers");
        Objects.requireNonNull(language, "language");
        if (size < 0) throw new IllegalArgumentException("negative size: " + size);
        PrimitiveType p = PrimitiveNames.intPrimitive(name, isSigned);
        if (p != null) name = p.spelling();
    }

    /** An unqualified little-endian C integer type. */
    public IntType(String name, long size, boolean isSigned) {
        this(name, size, isSigned, ByteOrder.LITTLE_ENDIAN, Qualifiers.NONE, Language.C);
    }

    @Override public TypeKind kind() { return TypeKind.INT; }

    @Override
    public PrimitiveType primitive() { return PrimitiveNames.intPrimitive(name, isSigned); }

    @Override
    public IntType qualified(Qualifiers q) {
        return q.equals(qualifiers) ? this : new IntType(name, size, isSigned, byteOrder, q, language);
    }

    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
