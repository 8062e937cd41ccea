package org.jdrgn.objects;

import org.jdrgn.types.ArrayType;
import org.jdrgn.types.BoolType;
import org.jdrgn.types.CompoundType;
import org.jdrgn.types.EnumType;
import org.jdrgn.types.FloatType;
import org.jdrgn.types.IntType;
import org.jdrgn.types.PointerType;
import org.jdrgn.types.Type;

/** How an object's value is held, from its underlying type (drgn's object encodings). */
enum Encoding {
    SIGNED, UNSIGNED, FLOAT,
    /** An integer wider than 64 bits, kept as bytes. */
    BIG,
    /** Complete structs, unions, classes and arrays, and floats of unusual sizes: bytes. */
    BUFFER,
    /** void, functions and incomplete types: no value can be held or read. */
    NONE;

    boolean isInteger() { return this == SIGNED || this == UNSIGNED; }

    static Encoding of(Type underlying) {
        return switch (underlying) {
            case IntType t -> t.size() > 8 ? BIG : t.isSigned() ? SIGNED : UNSIGNED;
            case BoolType t -> t.size() > 8 ? BIG : UNSIGNED;
            case PointerType t -> UNSIGNED;
            case EnumType e -> e.compatibleType() == null ? NONE : e.isSigned() ? SIGNED : UNSIGNED;
            case FloatType f -> f.size() == 4 || f.size() == 8 ? FLOAT : BUFFER;
            case CompoundType c -> c.members() == null ? NONE : BUFFER;
            case ArrayType a -> a.length() == null ? NONE : BUFFER;
            default -> NONE;
        };
    }
}
