package org.jdrgn.lang;

import java.nio.ByteOrder;
import org.jdrgn.error.AttributeException;
import org.jdrgn.types.ArrayType;
import org.jdrgn.types.BoolType;
import org.jdrgn.types.CompoundType;
import org.jdrgn.types.EnumType;
import org.jdrgn.types.FloatType;
import org.jdrgn.types.FunctionType;
import org.jdrgn.types.IntType;
import org.jdrgn.types.PointerType;
import org.jdrgn.types.Type;
import org.jdrgn.types.TypedefType;

/**
 * drgn's Type attributes that only some kinds have (name, tag, size, ...): which kinds have
 * which, and drgn's AttributeError wording for the others ("int type does not have members").
 * Shared by the language adapters so each only converts the result.
 */
public final class TypeAttributes {
    private TypeAttributes() {}

    public static AttributeException lacks(Type type, String what) {
        return new AttributeException(type.kind().spelling() + " type does not have " + what);
    }

    public static String name(Type type) {
        return switch (type) {
            case IntType t -> t.name();
            case BoolType t -> t.name();
            case FloatType t -> t.name();
            case TypedefType t -> t.name();
            default -> throw lacks(type, "a name");
        };
    }

    /** The tag of a struct, union, class or enum (null when anonymous). */
    public static String tag(Type type) {
        return switch (type) {
            case CompoundType t -> t.tag();
            case EnumType t -> t.tag();
            default -> throw lacks(type, "a tag");
        };
    }

    /** The size in bytes (null for an incomplete compound type). */
    public static Long size(Type type) {
        return switch (type) {
            case IntType t -> t.size();
            case BoolType t -> t.size();
            case FloatType t -> t.size();
            case PointerType t -> t.size();
            case CompoundType t -> t.size();
            default -> throw lacks(type, "a size");
        };
    }

    /** The length of an array type (null when incomplete). */
    public static Long length(Type type) {
        if (type instanceof ArrayType a) return a.length();
        throw lacks(type, "a length");
    }

    public static boolean isSigned(Type type) {
        if (type instanceof IntType t) return t.isSigned();
        throw lacks(type, "a signedness");
    }

    /** "little" or "big", as drgn spells byte orders. */
    public static String byteOrder(Type type) {
        ByteOrder o = switch (type) {
            case IntType t -> t.byteOrder();
            case BoolType t -> t.byteOrder();
            case FloatType t -> t.byteOrder();
            case PointerType t -> t.byteOrder();
            default -> throw lacks(type, "a byte order");
        };
        return o == ByteOrder.LITTLE_ENDIAN ? "little" : "big";
    }

    /** drgn's Type.type: what a typedef aliases, a pointer points to, an array holds, a function returns. */
    public static Type underlying(Type type) {
        return switch (type) {
            case TypedefType t -> t.aliased();
            case PointerType t -> t.referenced();
            case ArrayType t -> t.element();
            case FunctionType t -> t.returnType();
            case EnumType t when t.compatibleType() != null -> t.compatibleType();
            case EnumType t -> throw new AttributeException("enum type does not have an underlying type");
            default -> throw lacks(type, "an underlying type");
        };
    }
}
