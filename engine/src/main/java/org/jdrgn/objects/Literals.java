package org.jdrgn.objects;

import java.math.BigInteger;
import org.jdrgn.error.TypeErrorException;
import org.jdrgn.types.PrimitiveType;

/**
 * Python values as C literals, drgn's rule for {@code Object(prog, value=x)} and for the
 * non-object operand of a binary operator:
 * <ul>
 * <li>bool (Java Boolean): {@code int} 0 or 1;</li>
 * <li>int (Java Long, Integer or BigInteger): the magnitude is typed as an unsuffixed decimal
 *     literal, {@code int} if it is at most INT_MAX, else {@code long} if at most LONG_MAX,
 *     else {@code unsigned long long}; a negative value is then negated in that type (so
 *     -2**63 is {@code unsigned long long} 2**63). A magnitude of 2**64 or more is
 *     {@link IntegerOverflowException};</li>
 * <li>float (Java Double): {@code double}.</li>
 * </ul>
 */
public final class Literals {
    private Literals() {}

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    public static DrgnObject of(ObjectContext ctx, Object v) {
        return switch (v) {
            case Boolean b -> DrgnObject.ofLong(ctx, ctx.primitive(PrimitiveType.C_INT), b ? 1 : 0);
            case Long l -> ofLong(ctx, l);
            case Integer i -> ofLong(ctx, i);
            case Short s -> ofLong(ctx, s);
            case Byte b -> ofLong(ctx, b);
            case BigInteger b -> ofBig(ctx, b);
            case Double d -> DrgnObject.ofDouble(ctx, ctx.primitive(PrimitiveType.C_DOUBLE), d);
            case Float f -> DrgnObject.ofDouble(ctx, ctx.primitive(PrimitiveType.C_DOUBLE), f);
            case DrgnObject o -> o;
            case null -> throw new org.jdrgn.error.ValueErrorException("absent object must have type");
            default -> throw new TypeErrorException("cannot create " + ObjectValues.pyTypeName(v) + " literal");
        };
    }

    public static DrgnObject ofLong(ObjectContext ctx, long v) {
        if (v == Long.MIN_VALUE)   // magnitude 2**63 is unsigned long long
            return DrgnObject.ofLong(ctx, ctx.primitive(PrimitiveType.C_UNSIGNED_LONG_LONG), v);
        long m = Math.abs(v);
        PrimitiveType p = m <= Integer.MAX_VALUE ? PrimitiveType.C_INT : PrimitiveType.C_LONG;
        return DrgnObject.ofLong(ctx, ctx.primitive(p), v);
    }

    public static DrgnObject ofBig(ObjectContext ctx, BigInteger v) {
        if (v.bitLength() <= 63) return ofLong(ctx, v.longValue());
        BigInteger m = v.abs();
        if (m.compareTo(TWO_64) >= 0)
            throw new IntegerOverflowException("Python int too large to convert to C unsigned long");
        return DrgnObject.ofLong(ctx, ctx.primitive(PrimitiveType.C_UNSIGNED_LONG_LONG), v.longValue());
    }
}
