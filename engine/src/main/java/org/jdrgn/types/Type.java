package org.jdrgn.types;

/**
 * A type in a program: drgn's {@code Type}, one record per kind. Every variant carries its
 * {@link Qualifiers} and {@link Language}; {@link #qualified} returns a copy with other
 * qualifiers.
 *
 * <p>Equality is identity, as in drgn 0.0.22 (where {@code Type.__eq__} is
 * {@code object.__eq__}): two separately built {@code int} types are not equal. Use
 * {@link TypeEquivalence#equivalent} for a structural comparison.
 */
public sealed interface Type
        permits VoidType, IntType, BoolType, FloatType, CompoundType, EnumType, TypedefType,
                PointerType, ArrayType, FunctionType {

    TypeKind kind();

    Qualifiers qualifiers();

    Language language();

    /** A copy with these qualifiers (replacing, not adding to, the current ones). */
    Type qualified(Qualifiers qualifiers);

    default Type unqualified() { return qualified(Qualifiers.NONE); }

    /** drgn's {@code primitive}: which C primitive this is, or null. */
    default PrimitiveType primitive() { return null; }

    /**
     * drgn's {@code is_complete()}: false for void, incomplete struct/union/class/enum/array,
     * and typedefs of those.
     */
    default boolean isComplete() {
        return switch (this) {
            case VoidType v -> false;
            case CompoundType c -> c.members() != null;
            case EnumType e -> e.enumerators() != null;
            case ArrayType a -> a.length() != null;
            case TypedefType t -> t.aliased().isComplete();
            default -> true;
        };
    }

    /** The type with typedefs stripped (qualifiers of the outer typedefs are dropped, as drgn does). */
    default Type underlying() {
        Type t = this;
        // typedef chains are finite by construction (a typedef is built from an existing type)
        while (t instanceof TypedefType td) t = td.aliased();
        return t;
    }

    /** drgn's {@code sizeof()}; TypeErrorException "cannot get size of ..." when there is none. */
    default long sizeof() { return TypeSizes.sizeof(this); }

    /** C alignment (x86-64 rules); TypeErrorException for void, functions, incomplete types. */
    default long alignof() { return TypeSizes.alignof(this); }

    /** drgn's {@code member(name)}, searching unnamed members; the offset is accumulated. */
    default TypeMember member(String name) { return MemberLookup.member(this, name); }

    /** drgn's {@code has_member(name)}. */
    default boolean hasMember(String name) { return MemberLookup.hasMember(this, name); }

    /** drgn's {@code offsetof(type, "a.b[3].c")}, in bytes. */
    default long offsetof(String designator) { return MemberLookup.offsetof(this, designator); }

    /** drgn's {@code type_name()}: "struct foo *", "unsigned long [4]", "int (*)(void *)". */
    default String typeName() { return CTypePrinter.typeName(this); }

    /** drgn's {@code str(type)}: the C declaration, with struct/union/enum bodies. */
    default String definition() { return CTypePrinter.definition(this); }
}
