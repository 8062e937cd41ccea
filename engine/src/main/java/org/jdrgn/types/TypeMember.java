package org.jdrgn.types;

import java.util.Objects;
import org.jdrgn.error.ValueErrorException;

/**
 * A member of a struct, union or class (drgn's {@code TypeMember}). The member's type is lazy:
 * {@link #type()} evaluates it on first use.
 *
 * @param lazyType     the member's type, evaluated on demand
 * @param name         the member's name, or null for an unnamed (anonymous) member
 * @param bitOffset    offset from the start of the enclosing type, in bits
 * @param bitFieldSize size in bits if this is a bit field, 0 if it is not (drgn's None)
 */
public record TypeMember(LazyType lazyType, String name, long bitOffset, long bitFieldSize) {
    public TypeMember {
        Objects.requireNonNull(lazyType, "lazyType");
        if (bitOffset < 0) throw new IllegalArgumentException("negative bit offset: " + bitOffset);
        if (bitFieldSize < 0) throw new IllegalArgumentException("negative bit field size: " + bitFieldSize);
    }

    /** An eager member that is not a bit field. */
    public TypeMember(Type type, String name, long bitOffset) {
        this(LazyType.of(type), name, bitOffset, 0);
    }

    /** An eager member, possibly a bit field (bitFieldSize 0 means not a bit field). */
    public TypeMember(Type type, String name, long bitOffset, long bitFieldSize) {
        this(LazyType.of(type), name, bitOffset, bitFieldSize);
    }

    /** The member's type, evaluated (and cached) on the first call. */
    public Type type() { return lazyType.get(); }

    public boolean isBitField() { return bitFieldSize != 0; }

    /** Offset in bytes; drgn's ValueError "member is not byte-aligned" if it is not whole. */
    public long offset() {
        if ((bitOffset & 7) != 0) throw new ValueErrorException("member is not byte-aligned");
        return bitOffset >>> 3;
    }

    /** The same member seen from an enclosing type, {@code delta} bits further. */
    public TypeMember shifted(long delta) {
        return delta == 0 ? this : new TypeMember(lazyType, name, bitOffset + delta, bitFieldSize);
    }
}
