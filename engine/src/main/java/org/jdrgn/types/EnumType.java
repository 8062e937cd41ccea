package org.jdrgn.types;

import java.util.List;
import java.util.Objects;

/**
 * An enumerated type. An incomplete enum has null {@code compatibleType} and
 * {@code enumerators}.
 *
 * @param tag            the tag, or null if anonymous
 * @param compatibleType the compatible integer type (drgn's {@code type}), or null if incomplete
 * @param enumerators    the constants, or null if incomplete
 */
public record EnumType(String tag, IntType compatibleType, List<TypeEnumerator> enumerators,
                       Qualifiers qualifiers, Language language) implements Type {
    public EnumType {
        if ((compatibleType == null) != (enumerators == null))
            throw new IllegalArgumentException("compatible type and enumerators must both be given or both be null");
        enumerators = enumerators == null ? null : List.copyOf(enumerators);
        Objects.requireNonNull(qualifiers, "qualifiers");
        Objects.requireNonNull(language, "language");
    }

    public static EnumType of(String tag, IntType compatibleType, List<TypeEnumerator> enumerators) {
        return new EnumType(tag, compatibleType, enumerators, Qualifiers.NONE, Language.C);
    }

    public static EnumType incomplete(String tag) {
        return new EnumType(tag, null, null, Qualifiers.NONE, Language.C);
    }

    @Override public TypeKind kind() { return TypeKind.ENUM; }

    /** Signedness of the values: that of the compatible type (signed when incomplete). */
    public boolean isSigned() { return compatibleType == null || compatibleType.isSigned(); }

    @Override
    public EnumType qualified(Qualifiers q) {
        return q.equals(qualifiers) ? this : new EnumType(tag, compatibleType, enumerators, q, language);
    }

    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
