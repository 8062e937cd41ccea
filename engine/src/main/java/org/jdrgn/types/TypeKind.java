package org.jdrgn.types;

/** drgn 0.0.22's {@code TypeKind}; {@link #value()} is drgn's enum value. */
public enum TypeKind {
    VOID(1, "void"),
    INT(2, "int"),
    BOOL(3, "bool"),
    FLOAT(4, "float"),
    STRUCT(5, "struct"),
    UNION(6, "union"),
    CLASS(7, "class"),
    ENUM(8, "enum"),
    TYPEDEF(9, "typedef"),
    POINTER(10, "pointer"),
    ARRAY(11, "array"),
    FUNCTION(12, "function");

    private final int value;
    private final String spelling;

    TypeKind(int value, String spelling) {
        this.value = value;
        this.spelling = spelling;
    }

    public int value() { return value; }

    /** The word drgn uses for this kind in messages ("cannot get size of incomplete struct type"). */
    public String spelling() { return spelling; }

    /** Struct, union or class: the kinds that have members. */
    public boolean isCompound() { return this == STRUCT || this == UNION || this == CLASS; }
}
