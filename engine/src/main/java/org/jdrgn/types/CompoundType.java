package org.jdrgn.types;

import java.util.List;
import java.util.Objects;

/**
 * A struct, union or class type (drgn keeps all three in one representation; {@link #kind()}
 * tells them apart). An incomplete type (a declaration only) has null {@code size} and
 * {@code members}.
 *
 * @param tag     the tag, or null if anonymous
 * @param size    size in bytes, or null if incomplete
 * @param members the members in declaration order, or null if incomplete
 */
public record CompoundType(TypeKind kind, String tag, Long size, List<TypeMember> members,
                           List<TypeTemplateParameter> templateParameters,
                           Qualifiers qualifiers, Language language) implements Type {
    public CompoundType {
        Objects.requireNonNull(kind, "kind");
        if (!kind.isCompound()) throw new IllegalArgumentException("not a compound kind: " + kind);
        if ((size == null) != (members == null))
            throw new IllegalArgumentException("size and members must both be given or both be null");
        if (size != null && size < 0) throw new IllegalArgumentException("negative size: " + size);
        members = members == null ? null : List.copyOf(members);
        templateParameters = templateParameters == null ? List.of() : List.copyOf(templateParameters);
        Objects.requireNonNull(qualifiers, "qualifiers");
        Objects.requireNonNull(language, "language");
    }

    /** A complete, unqualified C struct/union/class. */
    public static CompoundType of(TypeKind kind, String tag, long size, List<TypeMember> members) {
        return new CompoundType(kind, tag, size, members, List.of(), Qualifiers.NONE, Language.C);
    }

    /** An incomplete (declared, not defined) C struct/union/class. */
    public static CompoundType incomplete(TypeKind kind, String tag) {
        return new CompoundType(kind, tag, null, null, List.of(), Qualifiers.NONE, Language.C);
    }

    @Override
    public CompoundType qualified(Qualifiers q) {
        return q.equals(qualifiers) ? this
                : new CompoundType(kind, tag, size, members, templateParameters, q, language);
    }

    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
