package org.jdrgn.types;

import java.nio.ByteOrder;
import java.util.Objects;

/** A pointer to {@code referenced}; {@code size} is the platform's pointer size in bytes. */
public record PointerType(Type referenced, long size, ByteOrder byteOrder, Qualifiers qualifiers,
                          Language language) implements Type {
    public PointerType {
        Objects.requireNonNull(referenced, "referenced");
        Objects.requireNonNull(byteOrder, "byteOrder");
        Objects.requireNonNull(qualifiers, "qualifiers");
        Objects.requireNonNull(language, "language");
        if (size <= 0) throw new IllegalArgumentException("bad pointer size: " + size);
    }

    /** An unqualified little-endian 8-byte C pointer (x86-64). */
    public PointerType(Type referenced) {
        this(referenced, 8, ByteOrder.LITTLE_ENDIAN, Qualifiers.NONE, Language.C);
    }

    @Override public TypeKind kind() { return TypeKind.POINTER; }

    @Override
    public PointerType qualified(Qualifiers q) {
        return q.equals(qualifiers) ? this : new PointerType(referenced, size, byteOrder, q, language);
    }

    @Override public boolean equals(Object o) { return this == o; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
