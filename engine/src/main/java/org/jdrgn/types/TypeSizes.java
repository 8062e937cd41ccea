package org.jdrgn.types;

import org.jdrgn.error.TypeErrorException;

/** sizeof and alignof with drgn's errors ("cannot get size of incomplete struct type"). */
final class TypeSizes {
    private TypeSizes() {}

    static long sizeof(Type type) {
        return switch (type) {
            case VoidType v -> throw new TypeErrorException("cannot get size of incomplete void type");
            case FunctionType f -> throw new TypeErrorException("cannot get size of function type");
            case IntType t -> t.size();
            case BoolType t -> t.size();
            case FloatType t -> t.size();
            case PointerType t -> t.size();
            case CompoundType c -> {
                if (c.size() == null) throw incomplete(c);
                yield c.size();
            }
            case EnumType e -> {
                if (e.compatibleType() == null) throw incomplete(e);
                yield e.compatibleType().size();
            }
            case ArrayType a -> {
                if (a.length() == null) throw incomplete(a);
                long elementSize = sizeof(a.element());
                if (a.length() < 0) throw new TypeErrorException("type is too large");
                try {
                    yield Math.multiplyExact(a.length(), elementSize);
                } catch (ArithmeticException ex) {
                    throw new TypeErrorException("type is too large");
                }
            }
            case TypedefType t -> {
                Type u = t.underlying();
                // drgn reports a typedef of void or of an incomplete type as an incomplete typedef
                if (!(u instanceof FunctionType) && !u.isComplete()) throw incomplete(t);
                yield sizeof(u);
            }
        };
    }

    /** C alignment on x86-64 (SysV): base types align to their size, aggregates to their widest member. */
    static long alignof(Type type) {
        return switch (type) {
            case VoidType v -> throw new TypeErrorException("cannot get alignment of incomplete void type");
            case FunctionType f -> throw new TypeErrorException("cannot get alignment of function type");
            case IntType t -> t.size();
            case BoolType t -> t.size();
            case FloatType t -> t.size();
            case PointerType t -> t.size();
            case EnumType e -> {
                if (e.compatibleType() == null)
                    throw new TypeErrorException("cannot get alignment of incomplete enum type");
                yield e.compatibleType().size();
            }
            case ArrayType a -> alignof(a.element());
            case TypedefType t -> alignof(t.aliased());
            case CompoundType c -> {
                if (c.members() == null)
                    throw new TypeErrorException("cannot get alignment of incomplete " + c.kind().spelling() + " type");
                long align = 1;
                for (TypeMember m : c.members()) align = Math.max(align, alignof(m.type()));
                yield align;
            }
        };
    }

    private static TypeErrorException incomplete(Type t) {
        return new TypeErrorException("cannot get size of incomplete " + t.kind().spelling() + " type");
    }
}
