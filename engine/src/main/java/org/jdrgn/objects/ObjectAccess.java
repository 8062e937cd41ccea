package org.jdrgn.objects;

import org.jdrgn.error.ObjectAbsentException;
import org.jdrgn.error.OutOfBoundsException;
import org.jdrgn.error.TypeErrorException;
import org.jdrgn.error.ValueErrorException;
import org.jdrgn.types.ArrayType;
import org.jdrgn.types.CompoundType;
import org.jdrgn.types.IntType;
import org.jdrgn.types.PointerType;
import org.jdrgn.types.PrimitiveType;
import org.jdrgn.types.Type;
import org.jdrgn.types.TypeMember;

/** Member, element and address operations on objects, with drgn's errors. */
final class ObjectAccess {
    private ObjectAccess() {}

    /** Longest C string read through a pointer; bounds a read over a corrupt dump. */
    static final int MAX_STRING = 1 << 28;

    static DrgnObject member(DrgnObject o, String name) {
        if (o.u instanceof PointerType) return member(derefUnchecked(o), name);
        if (!(o.u instanceof CompoundType))
            throw new TypeErrorException("'" + o.type.typeName() + "' is not a structure, union, or class");
        TypeMember m = o.ctx.member(o.u, name);
        return slice(o, m.type(), m.bitOffset(), m.bitFieldSize());
    }

    /** The part of o of type t at bitOffset (a member or an element). */
    static DrgnObject slice(DrgnObject o, Type t, long bitOffset, long bitFieldSize) {
        return switch (o.kind) {
            // drgn adds bit offsets as unsigned 64-bit numbers: a negative index lands 2**61 bytes away
            case REFERENCE -> DrgnObject.reference(o.ctx, t, o.bits + ((o.bitOffset + bitOffset) >>> 3),
                    (o.bitOffset + bitOffset) & 7, bitFieldSize == 0 ? null : bitFieldSize);
            case ABSENT -> throw new ObjectAbsentException("object absent");
            case VALUE -> DrgnObject.fromBits(o.ctx, t, bitFieldSize, o.buf, bitOffset);
        };
    }

    static DrgnObject subscript(DrgnObject o, long index) {
        if (o.u instanceof ArrayType a) {
            long size = a.element().sizeof();
            if (o.kind == ObjectKind.VALUE && (index < 0 || a.length() == null || index >= a.length()))
                throw new OutOfBoundsException("out of bounds of value");
            return slice(o, a.element(), index * size * 8, 0);
        }
        if (o.u instanceof PointerType p) {
            long size = p.referenced().sizeof();
            return DrgnObject.reference(o.ctx, p.referenced(), o.longValue() + index * size, 0, null);
        }
        throw new TypeErrorException("'" + o.type.typeName() + "' is not an array or pointer");
    }

    static DrgnObject deref(DrgnObject o) {
        if (!(o.u instanceof PointerType)) throw new TypeErrorException("'" + o.type.typeName() + "' is not an array or pointer");
        return subscript(o, 0);
    }

    /** *p without the size check (for member access and printing through a pointer). */
    static DrgnObject derefUnchecked(DrgnObject p) {
        return DrgnObject.reference(p.ctx, ((PointerType) p.u).referenced(), p.longValue(), 0, null);
    }

    static DrgnObject addressOf(DrgnObject o) {
        if (o.kind == ObjectKind.VALUE) throw new ValueErrorException("cannot take address of value");
        if (o.kind == ObjectKind.ABSENT) throw new ObjectAbsentException("object absent");
        if (o.bitFieldSize != 0 || o.bitOffset != 0) throw new ValueErrorException("cannot take address of bit field");
        return DrgnObject.ofLong(o.ctx, o.ctx.pointerTo(o.type), o.bits);
    }

    static long length(DrgnObject o) {
        if (o.u instanceof ArrayType a && a.length() != null) return a.length();
        throw new TypeErrorException("'" + o.type.typeName() + "' has no len()");
    }

    /** drgn 0.0.22 has no slicing: {@code obj[1:3]} is Python's TypeError for a slice index. */
    static DrgnObject slice(DrgnObject o, Long start, Long stop) {
        throw new TypeErrorException("'slice' object cannot be interpreted as an integer");
    }

    static DrgnObject reinterpret(DrgnObject o, Type to) {
        return switch (o.kind) {
            case REFERENCE -> DrgnObject.reference(o.ctx, to, o.bits, o.bitOffset, null);
            case ABSENT -> throw new ObjectAbsentException("object absent");
            case VALUE -> {
                if (o.buf == null || o.enc == Encoding.BIG) throw new ValueErrorException("cannot reinterpret primitive value");
                if (Encoding.of(to.underlying()) == Encoding.NONE)
                    throw new TypeErrorException("cannot create object with " + DrgnObject.incompleteWhat(to) + " type");
                long need = to.sizeof() * 8;
                if (need > (long) o.buf.length * 8) throw new OutOfBoundsException("out of bounds of value");
                yield DrgnObject.fromBits(o.ctx, to, 0, o.buf, 0);
            }
        };
    }

    static DrgnObject containerOf(DrgnObject ptr, Type container, String designator) {
        if (!(ptr.u instanceof PointerType))
            throw new TypeErrorException("container_of() argument must be a pointer, not '" + ptr.type.typeName() + "'");
        long offset = container.offsetof(designator);
        return DrgnObject.ofLong(ptr.ctx, ptr.ctx.pointerTo(container), ptr.longValue() - offset);
    }

    // ---- strings ---------------------------------------------------------------------------

    static byte[] string(DrgnObject o) {
        if (o.u instanceof ArrayType a) {
            if (a.length() != null && o.kind != ObjectKind.ABSENT) {
                byte[] b = o.kind == ObjectKind.VALUE ? o.buf : o.readBytes();
                long len = Math.min(a.length() * a.element().sizeof(), b.length);
                int n = 0;
                while (n < len && b[n] != 0) n++;
                return java.util.Arrays.copyOf(b, n);
            }
            if (o.kind == ObjectKind.ABSENT) throw new ObjectAbsentException("object absent");
            if (o.kind == ObjectKind.VALUE) return new byte[0];
            return readCString(o.ctx, o.bits, MAX_STRING);
        }
        if (o.u instanceof PointerType) return readCString(o.ctx, o.longValue(), MAX_STRING);
        throw new TypeErrorException("string() argument must be an array or pointer, not '" + o.type.unqualified().typeName() + "'");
    }

    /** Reads bytes up to a NUL (not included); see {@link NulTerminated}. */
    static byte[] readCString(ObjectContext ctx, long address, int limit) {
        return NulTerminated.read(ctx::read, address, limit);
    }

    /** drgn's test for printing as characters: char, signed char or unsigned char (not through a typedef). */
    static boolean isCharacter(ObjectContext ctx, Type t) {
        if (!(t instanceof IntType)) return false;
        PrimitiveType p = ctx.primitiveOf(t);
        return p == PrimitiveType.C_CHAR || p == PrimitiveType.C_SIGNED_CHAR || p == PrimitiveType.C_UNSIGNED_CHAR;
    }
}
