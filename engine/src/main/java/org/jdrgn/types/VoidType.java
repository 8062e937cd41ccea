package org.jdrgn.types;

import java.util.Objects;

/** The void type (drgn's {@code prog.void_type()}). */
public record VoidType(Qualifiers qualifiers, Language language) implements Type {
    public static final VoidType C = new VoidType(Qualifiers.NONE, Language.C);

    public VoidType {
        Objects.requireNonNull(qualifiers, "qualifiers");
        Objects.requireNonNull(language, "language");
    }

    @Override public TypeKind kind() { return TypeKind.VOID; }
    @Override public PrimitiveType primitive() { return PrimitiveType.C_VOID; }

    @Override
    public VoidType qualified(Qualifiers q) {
        return q.equals(qualifiers) ? this : new VoidType(q, language);
    }

    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
