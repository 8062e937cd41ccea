package org.jdrgn.types;

import java.nio.ByteOrder;

/**
 * The primitive definitions drgn uses when the program has no debug info for them, for a
 * platform given by pointer size and byte order (LP64 on 64-bit: long is 8 bytes, long
 * double 16; size_t is unsigned long and ptrdiff_t long).
 */
public final class DefaultPrimitives {
    private final int pointerSize;
    private final ByteOrder byteOrder;

    public DefaultPrimitives(int pointerSize, ByteOrder byteOrder) {
        if (pointerSize != 4 && pointerSize != 8)
            throw new IllegalArgumentException("unsupported pointer size: " + pointerSize);
        this.pointerSize = pointerSize;
        this.byteOrder = byteOrder;
    }

    /** x86-64. */
    public static final DefaultPrimitives X86_64 = new DefaultPrimitives(8, ByteOrder.LITTLE_ENDIAN);

    public int pointerSize() { return pointerSize; }
    public ByteOrder byteOrder() { return byteOrder; }

    /** A fresh, unqualified C type for the primitive. */
    public Type get(PrimitiveType p) {
        return switch (p) {
            case C_VOID -> VoidType.C;
            case C_CHAR, C_SIGNED_CHAR, C_UNSIGNED_CHAR -> integer(p, 1);
            case C_SHORT, C_UNSIGNED_SHORT -> integer(p, 2);
            case C_INT, C_UNSIGNED_INT -> integer(p, 4);
            case C_LONG, C_UNSIGNED_LONG -> integer(p, pointerSize);
            case C_LONG_LONG, C_UNSIGNED_LONG_LONG -> integer(p, 8);
            case C_BOOL -> new BoolType(p.spelling(), 1, byteOrder, Qualifiers.NONE, Language.C);
            case C_FLOAT -> floating(p, 4);
            case C_DOUBLE -> floating(p, 8);
            case C_LONG_DOUBLE -> floating(p, 16);
            case C_SIZE_T -> new TypedefType(p.spelling(), get(PrimitiveType.C_UNSIGNED_LONG));
            case C_PTRDIFF_T -> new TypedefType(p.spelling(), get(PrimitiveType.C_LONG));
        };
    }

    private IntType integer(PrimitiveType p, long size) {
        return new IntType(p.spelling(), size, p.isSigned(), byteOrder, Qualifiers.NONE, Language.C);
    }

    private FloatType floating(PrimitiveType p, long size) {
        return new FloatType(p.spelling(), size, byteOrder, Qualifiers.NONE, Language.C);
    }
}
