package org.jdrgn.types;

/**
 * drgn's {@code Qualifiers} flag set; the bit values are drgn's own (CONST=1, VOLATILE=2,
 * RESTRICT=4, ATOMIC=8) so they can cross the language boundary unchanged.
 */
public record Qualifiers(int bits) {
    public static final int CONST_BIT = 1;
    public static final int VOLATILE_BIT = 2;
    public static final int RESTRICT_BIT = 4;
    public static final int ATOMIC_BIT = 8;
    private static final int ALL = CONST_BIT | VOLATILE_BIT | RESTRICT_BIT | ATOMIC_BIT;

    public static final Qualifiers NONE = new Qualifiers(0);
    public static final Qualifiers CONST = new Qualifiers(CONST_BIT);
    public static final Qualifiers VOLATILE = new Qualifiers(VOLATILE_BIT);
    public static final Qualifiers RESTRICT = new Qualifiers(RESTRICT_BIT);
    public static final Qualifiers ATOMIC = new Qualifiers(ATOMIC_BIT);

    public Qualifiers {
        if ((bits & ~ALL) != 0) throw new IllegalArgumentException("invalid qualifiers: " + bits);
    }

    public static Qualifiers of(int bits) {
        return bits == 0 ? NONE : new Qualifiers(bits);
    }

    public boolean isEmpty() { return bits == 0; }
    public boolean isConst() { return (bits & CONST_BIT) != 0; }
    public boolean isVolatile() { return (bits & VOLATILE_BIT) != 0; }
    public boolean isRestrict() { return (bits & RESTRICT_BIT) != 0; }
    public boolean isAtomic() { return (bits & ATOMIC_BIT) != 0; }

    /** True if every qualifier in {@code other} is also in this set. */
    public boolean containsAll(Qualifiers other) { return (bits & other.bits) == other.bits; }

    public Qualifiers plus(Qualifiers other) { return of(bits | other.bits); }
    public Qualifiers minus(Qualifiers other) { return of(bits & ~other.bits); }

    /** C spelling in drgn's order: "const volatile restrict _Atomic", or "" when empty. */
    public String cSpelling() {
        StringBuilder sb = new StringBuilder();
        if (isConst()) sb.append("const ");
        if (isVolatile()) sb.append("volatile ");
        if (isRestrict()) sb.append("restrict ");
        if (isAtomic()) sb.append("_Atomic ");
        return sb.isEmpty() ? "" : sb.substring(0, sb.length() - 1);
    }
}
