package org.jdrgn.types;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Structural comparison of types, for when shape matters more than identity (drgn's == is
 * identity). Kinds, names, sizes, byte orders, qualifiers, languages, members (names,
 * offsets, bit-field sizes, types), enumerators and parameters must all match. Recursive
 * types are compared coinductively: a pair already under comparison counts as equal, so a
 * self-referential struct terminates.
 */
public final class TypeEquivalence {
    private final Set<Pair> inProgress = new HashSet<>();

    private record Pair(Type a, Type b) {
        @Override public boolean equals(Object o) { return o instanceof Pair p && p.a == a && p.b == b; }
        @Override public int hashCode() { return System.identityHashCode(a) * 31 + System.identityHashCode(b); }
    }

    private TypeEquivalence() {}

    public static boolean equivalent(Type a, Type b) {
        return new TypeEquivalence().eq(a, b);
    }

    private boolean eq(Type a, Type b) {
        if (a == b) return true;
        if (a.kind() != b.kind() || !a.qualifiers().equals(b.qualifiers()) || a.language() != b.language()) return false;
        Pair pair = new Pair(a, b);
        if (!inProgress.add(pair)) return true;
        try {
            return switch (a) {
                case VoidType v -> true;
                case IntType x when b instanceof IntType y -> x.name().equals(y.name()) && x.size() == y.size()
                        && x.isSigned() == y.isSigned() && x.byteOrder().equals(y.byteOrder());
                case BoolType x when b instanceof BoolType y -> x.name().equals(y.name()) && x.size() == y.size()
                        && x.byteOrder().equals(y.byteOrder());
                case FloatType x when b instanceof FloatType y -> x.name().equals(y.name()) && x.size() == y.size()
                        && x.byteOrder().equals(y.byteOrder());
                case CompoundType x when b instanceof CompoundType y -> Objects.equals(x.tag(), y.tag())
                        && Objects.equals(x.size(), y.size()) && members(x.members(), y.members());
                case EnumType x when b instanceof EnumType y -> Objects.equals(x.tag(), y.tag())
                        && Objects.equals(x.enumerators(), y.enumerators())
                        && (x.compatibleType() == null ? y.compatibleType() == null
                            : y.compatibleType() != null && eq(x.compatibleType(), y.compatibleType()));
                case TypedefType x when b instanceof TypedefType y -> x.name().equals(y.name()) && eq(x.aliased(), y.aliased());
                case PointerType x when b instanceof PointerType y -> x.size() == y.size()
                        && x.byteOrder().equals(y.byteOrder()) && eq(x.referenced(), y.referenced());
                case ArrayType x when b instanceof ArrayType y -> Objects.equals(x.length(), y.length())
                        && eq(x.element(), y.element());
                case FunctionType x when b instanceof FunctionType y -> x.isVariadic() == y.isVariadic()
                        && eq(x.returnType(), y.returnType()) && parameters(x.parameters(), y.parameters());
                default -> false;
            };
        } finally {
            inProgress.remove(pair);
        }
    }

    private boolean members(List<TypeMember> a, List<TypeMember> b) {
        if (a == null || b == null) return a == b;
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            TypeMember x = a.get(i), y = b.get(i);
            if (!Objects.equals(x.name(), y.name()) || x.bitOffset() != y.bitOffset()
                    || x.bitFieldSize() != y.bitFieldSize() || !eq(x.type(), y.type())) return false;
        }
        return true;
    }

    private boolean parameters(List<TypeParameter> a, List<TypeParameter> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            if (!Objects.equals(a.get(i).name(), b.get(i).name()) || !eq(a.get(i).type(), b.get(i).type())) return false;
        }
        return true;
    }
}
