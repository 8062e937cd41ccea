package org.jdrgn.objects;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdrgn.error.TypeErrorException;
import org.jdrgn.error.ValueErrorException;
import org.jdrgn.types.ArrayType;
import org.jdrgn.types.BoolType;
import org.jdrgn.types.CompoundType;
import org.jdrgn.types.Type;
import org.jdrgn.types.TypeMember;

/**
 * Conversions between objects and Java forms of Python values.
 *
 * <p>{@link #toJava} (drgn's {@code value_()}) returns: Long for integers, enums and pointers
 * that fit a signed long, BigInteger for larger unsigned values and wide integers, Boolean for
 * bool types, Double for floats, an immutable-by-contract {@code LinkedHashMap<String,Object>}
 * for structs/unions/classes (members of unnamed members merged in, as drgn does) and an
 * {@code ArrayList<Object>} for arrays.
 */
final class ObjectValues {
    private ObjectValues() {}

    static Object toJava(DrgnObject o) {
        o.checkReadable();
        DrgnObject v = o.read();
        return switch (v.enc) {
            case SIGNED -> v.u instanceof BoolType ? v.bits != 0 : (Object) v.bits;
            case UNSIGNED -> v.u instanceof BoolType ? (Object) (v.bits != 0)
                    : v.bits >= 0 ? (Object) v.bits : new BigInteger(Long.toUnsignedString(v.bits));
            case FLOAT -> Double.longBitsToDouble(v.bits);
            case BIG -> bigValue(v);
            case BUFFER -> switch (v.u) {
                case CompoundType c -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    putMembers(v, c, 0, m);
                    yield m;
                }
                case ArrayType a -> {
                    long n = a.length();
                    List<Object> list = new ArrayList<>((int) Math.min(n, 1 << 20));
                    long size = a.element().sizeof() * 8;
                    for (long i = 0; i < n; i++)
                        list.add(toJava(DrgnObject.fromBits(v.ctx, a.element(), 0, v.buf, i * size)));
                    yield list;
                }
                default -> throw new TypeErrorException("cannot get value of '" + o.type.typeName() + "'");
            };
            case NONE -> throw new TypeErrorException("cannot read object with " + DrgnObject.incompleteWhat(o.type) + " type");
        };
    }

    private static void putMembers(DrgnObject v, CompoundType c, long base, Map<String, Object> out) {
        for (TypeMember m : c.members()) {
            if (m.name() == null && m.type().underlying() instanceof CompoundType inner) {
                putMembers(v, inner, base + m.bitOffset(), out);
                continue;
            }
            DrgnObject mv = DrgnObject.fromBits(v.ctx, m.type(), m.bitFieldSize(), v.buf, base + m.bitOffset());
            if (m.name() != null) out.put(m.name(), toJava(mv));
        }
    }

    private static BigInteger bigValue(DrgnObject v) {
        boolean le = DrgnObject.isLittleEndian(v.ctx, v.u);
        byte[] b = v.buf;
        byte[] be = new byte[b.length];
        for (int i = 0; i < b.length; i++) be[i] = le ? b[b.length - 1 - i] : b[i];
        BigInteger x = new BigInteger(1, be);
        if (v.bitSize < (long) b.length * 8) x = x.and(BigInteger.ONE.shiftLeft((int) v.bitSize).subtract(BigInteger.ONE));
        boolean signed = v.u instanceof org.jdrgn.types.IntType it && it.isSigned();
        if (signed && x.testBit((int) v.bitSize - 1)) x = x.subtract(BigInteger.ONE.shiftLeft((int) v.bitSize));
        return x;
    }

    // ---- building values -------------------------------------------------------------------

    static DrgnObject build(ObjectContext ctx, Type type, Object value, long bitFieldSize) {
        Type u = type.underlying();
        Encoding enc = Encoding.of(u);
        if (value instanceof DrgnObject o) {
            if (enc == Encoding.BUFFER) {
                if (o.u != u) throw new TypeErrorException("cannot convert '" + o.type.typeName() + "' to '" + type.typeName() + "'");
                return DrgnObject.ofBuffer(ctx, type, o.valueBytes());
            }
            DrgnObject c = o.cast(type);
            return bitFieldSize == 0 ? c : DrgnObject.ofLong(ctx, type, c.bits, bitFieldSize);
        }
        switch (enc) {
            case SIGNED, UNSIGNED, BIG -> {
                return switch (value) {
                    case Boolean b -> DrgnObject.ofLong(ctx, type, b ? 1 : 0, bitFieldSize);
                    case Long l -> DrgnObject.ofLong(ctx, type, l, bitFieldSize);
                    case Integer i -> DrgnObject.ofLong(ctx, type, i, bitFieldSize);
                    case BigInteger b -> DrgnObject.ofBig(ctx, type, b, bitFieldSize);
                    case Double d -> DrgnObject.ofLong(ctx, type, CArithmetic.doubleToIntBits(d, 64, true), bitFieldSize);
                    case null, default -> throw new TypeErrorException("'" + type.typeName() + "' value must be number");
                };
            }
            case FLOAT -> {
                if (bitFieldSize != 0) throw new TypeErrorException("bit field must be integer");
                return switch (value) {
                    case Double d -> DrgnObject.ofDouble(ctx, type, d);
                    case Long l -> DrgnObject.ofDouble(ctx, type, l);
                    case Integer i -> DrgnObject.ofDouble(ctx, type, i);
                    case Boolean b -> DrgnObject.ofDouble(ctx, type, b ? 1 : 0);
                    case BigInteger b -> DrgnObject.ofDouble(ctx, type, b.doubleValue());
                    case null, default -> throw new TypeErrorException("'" + type.typeName() + "' value must be number");
                };
            }
            case BUFFER -> {
                if (bitFieldSize != 0) throw new TypeErrorException("bit field must be integer");
                byte[] buf = new byte[(int) type.sizeof()];
                fill(ctx, type, value, buf, 0);
                return DrgnObject.ofBuffer(ctx, type, buf);
            }
            default -> throw new TypeErrorException("cannot create value with " + DrgnObject.incompleteWhat(type) + " type");
        }
    }

    /** Writes a Python value of type t at bitOffset of buf. */
    private static void fill(ObjectContext ctx, Type t, Object value, byte[] buf, long bitOffset) {
        Type u = t.underlying();
        if (u instanceof CompoundType c && !(value instanceof DrgnObject)) {
            if (!(value instanceof Map<?, ?> map))
                throw new TypeErrorException("value for '" + t.typeName() + "' must be dictionary or mapping");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String name)) throw new TypeErrorException("member key must be string");
                TypeMember m = ctx.member(c, name);
                fillScalarOrNested(ctx, m.type(), m.bitFieldSize(), e.getValue(), buf, bitOffset + m.bitOffset());
            }
            return;
        }
        if (u instanceof ArrayType a && !(value instanceof DrgnObject)) {
            if (!(value instanceof List<?> list))
                throw new TypeErrorException("'" + t.typeName() + "' value must be iterable");
            if (list.size() > a.length()) throw new ValueErrorException("too many items in array value");
            long size = a.element().sizeof() * 8;
            for (int i = 0; i < list.size(); i++)
                fillScalarOrNested(ctx, a.element(), 0, list.get(i), buf, bitOffset + i * size);
            return;
        }
        fillScalarOrNested(ctx, t, 0, value, buf, bitOffset);
    }

    private static void fillScalarOrNested(ObjectContext ctx, Type t, long bitFieldSize, Object value, byte[] buf, long bitOffset) {
        Type u = t.underlying();
        if ((u instanceof CompoundType || u instanceof ArrayType) && !(value instanceof DrgnObject)) {
            fill(ctx, t, value, buf, bitOffset);
            return;
        }
        DrgnObject o = build(ctx, t, value, bitFieldSize);
        boolean le = DrgnObject.isLittleEndian(ctx, u);
        if (bitFieldSize != 0 && le && o.enc == Encoding.SIGNED) {
            // drgn 0.0.22 stores a signed bit field sign-extended to the end of its last byte
            int shift = (int) (bitOffset & 7);
            int width = (int) Math.min(64 - shift, ((shift + bitFieldSize + 7) / 8) * 8 - shift);
            Bits.deposit(buf, 0, bitOffset, width, o.bits, true);
            return;
        }
        byte[] b = o.valueBytes();
        long n = o.bitSize;
        for (long i = 0; i < n; i += 8) {
            int bits = (int) Math.min(8, n - i);
            long v = Bits.extract(b, 0, i, bits, le);
            Bits.deposit(buf, 0, bitOffset + i, bits, v, le);
        }
    }

    static String pyTypeName(Object v) {
        return switch (v) {
            case null -> "NoneType";
            case Double d -> "float";
            case String s -> "str";
            case Map<?, ?> m -> "dict";
            case Boolean b -> "bool";
            case Long l -> "int";
            case BigInteger b -> "int";
            case List<?> l -> "list";
            case byte[] b -> "bytes";
            default -> v.getClass().getSimpleName();
        };
    }

    static DrgnObject fromBytes(ObjectContext ctx, Type type, byte[] bytes, long bitOffset, Long bitFieldSize) {
        Type u = type.underlying();
        Encoding enc = Encoding.of(u);
        if (enc == Encoding.NONE)
            throw new TypeErrorException("cannot create object with " + DrgnObject.incompleteWhat(type) + " type");
        DrgnObject.absent(ctx, type, bitFieldSize);  // drgn's bit-field checks
        long bits = bitFieldSize != null ? bitFieldSize : u.sizeof() * 8;
        if (enc == Encoding.BUFFER && (bitOffset & 7) != 0) throw new ValueErrorException("non-scalar must be byte-aligned");
        if (bitOffset < 0 || bitOffset + bits > (long) bytes.length * 8)
            throw new ValueErrorException("buffer is too small");
        return DrgnObject.fromBits(ctx, type, bitFieldSize == null ? 0 : bitFieldSize, bytes.clone(), bitOffset);
    }
}
