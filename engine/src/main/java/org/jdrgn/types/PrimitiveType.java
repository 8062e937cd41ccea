package org.jdrgn.types;

/**
 * drgn's {@code PrimitiveType}: the C types drgn knows by name. {@link #value()} is drgn's enum
 * value; {@link #spelling()} the canonical C name drgn prints.
 */
public enum PrimitiveType {
    C_VOID(0, "void", TypeKind.VOID, false),
    C_CHAR(1, "char", TypeKind.INT, true),
    C_SIGNED_CHAR(2, "signed char", TypeKind.INT, true),
    C_UNSIGNED_CHAR(3, "unsigned char", TypeKind.INT, false),
    C_SHORT(4, "short", TypeKind.INT, true),
    C_UNSIGNED_SHORT(5, "unsigned short", TypeKind.INT, false),
    C_INT(6, "int", TypeKind.INT, true),
    C_UNSIGNED_INT(7, "unsigned int", TypeKind.INT, false),
    C_LONG(8, "long", TypeKind.INT, true),
    C_UNSIGNED_LONG(9, "unsigned long", TypeKind.INT, false),
    C_LONG_LONG(10, "long long", TypeKind.INT, true),
    C_UNSIGNED_LONG_LONG(11, "unsigned long long", TypeKind.INT, false),
    C_BOOL(12, "_Bool", TypeKind.BOOL, false),
    C_FLOAT(13, "float", TypeKind.FLOAT, true),
    C_DOUBLE(14, "double", TypeKind.FLOAT, true),
    C_LONG_DOUBLE(15, "long double", TypeKind.FLOAT, true),
    C_SIZE_T(16, "size_t", TypeKind.TYPEDEF, false),
    C_PTRDIFF_T(17, "ptrdiff_t", TypeKind.TYPEDEF, true);

    private final int value;
    private final String spelling;
    private final TypeKind kind;
    private final boolean signed;

    PrimitiveType(int value, String spelling, TypeKind kind, boolean signed) {
        this.value = value;
        this.spelling = spelling;
        this.kind = kind;
        this.signed = signed;
    }

    public int value() { return value; }
    public String spelling() { return spelling; }
    /** The kind of type drgn builds for this primitive (size_t and ptrdiff_t are typedefs). */
    public TypeKind kind() { return kind; }
    /** Signedness of the integer (for char: the x86-64 default, signed). */
    public boolean isSigned() { return signed; }
}
