package org.jdrgn.types;

import java.util.Objects;

/** A typedef: {@code name} aliases {@code aliased} (drgn's {@code type}). */
public record TypedefType(String name, Type aliased, Qualifiers qualifiers, Language language)
        implements Type {
    public TypedefType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(aliased, "aliased");
        Objects.requireNonNull(qualifiers, "qualifiers");
        Objects.requireNonNull(language, "language");
    }

    public TypedefType(String name, Type aliased) {
        this(name, aliased, Qualifiers.NONE, Language.C);
    }

    @Override public TypeKind kind() { return TypeKind.TYPEDEF; }

    /** size_t and ptrdiff_t are primitives by name, whatever they alias (as in drgn). */
    @Override
    public PrimitiveType primitive() {
        return switch (name) {
            case "size_t" -> PrimitiveType.C_SIZE_T;
            case "ptrdiff_t" -> PrimitiveType.C_PTRDIFF_T;
            default -> null;
        };
    }

    @Override
    public TypedefType qualified(Qualifiers q) {
        return q.equals(qualifiers) ? this : new TypedefType(name, aliased, q, language);
    }

    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
