package org.jdrgn.objects;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.jdrgn.error.ObjectAbsentException;
import org.jdrgn.error.TypeErrorException;
import org.jdrgn.error.ValueErrorException;
import org.jdrgn.types.ArrayType;
import org.jdrgn.types.BoolType;
import org.jdrgn.types.EnumType;
import org.jdrgn.types.FloatType;
import org.jdrgn.types.FunctionType;
import org.jdrgn.types.IntType;
import org.jdrgn.types.PointerType;
import org.jdrgn.types.PrimitiveType;
import org.jdrgn.types.Qualifiers;
import org.jdrgn.types.Type;

/**
 * C operators on objects as drgn evaluates them: integer promotions, the usual arithmetic
 * conversions (ranks of the standard types, extended types ranked by width), wrap-around at
 * the result type's width, pointer arithmetic scaled by the referenced size, pointer
 * difference as {@code ptrdiff_t}, and drgn's error messages.
 */
public final class CArithmetic {
    private CArithmetic() {}

    enum Op {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"), AND("&"), OR("|"), XOR("^");
        final String symbol;
        Op(String symbol) { this.symbol = symbol; }
        boolean integerOnly() { return this == MOD || this == AND || this == OR || this == XOR; }
    }

    enum Unary { NEG, POS, INVERT }

    /** Python's rounding functions on objects. */
    public enum Rounding { ROUND, TRUNC, FLOOR, CEIL }

    // ---- operands -------------------------------------------------------------------------

    /**
     * An operand after C's conversions of its type: qualifiers dropped, arrays and functions
     * decayed to pointers, enums seen as their compatible type.
     */
    private record Operand(DrgnObject obj, Type type, Type u, int width, boolean signed, String name) {
        boolean isInteger() { return u instanceof IntType || u instanceof BoolType; }
        boolean isFloat() { return u instanceof FloatType; }
        boolean isPointer() { return u instanceof PointerType; }
        boolean isArithmetic() { return isInteger() || isFloat(); }
    }

    private static Operand operand(DrgnObject o) {
        Type t = o.type.unqualified();
        Type u = o.u;
        String name = null;
        if (u instanceof ArrayType a) {
            t = o.ctx.pointerTo(a.element());
            u = t;
            name = t.typeName();
        } else if (u instanceof FunctionType) {
            t = o.ctx.pointerTo(o.type);
            u = t;
            name = t.typeName();
        } else if (u instanceof EnumType e && e.compatibleType() != null) {
            t = e.compatibleType();
            u = t;
        }
        int width = o.bitFieldSize != 0 ? o.bitFieldSize : sizeBits(u);
        boolean signed = u instanceof IntType it && it.isSigned();
        return new Operand(o, t, u, width, signed, name != null ? name : o.type.typeName());
    }

    private static int sizeBits(Type u) {
        return switch (u) {
            case IntType t -> (int) t.size() * 8;
            case BoolType t -> (int) t.size() * 8;
            case FloatType t -> (int) t.size() * 8;
            case PointerType t -> (int) t.size() * 8;
            default -> 0;
        };
    }

    /** The operand's integer value (pointers by address; arrays and functions by address). */
    private static long intValue(Operand x) {
        DrgnObject o = x.obj;
        if (o.u instanceof ArrayType || o.u instanceof FunctionType) {
            if (o.kind == ObjectKind.VALUE) throw new ValueErrorException("cannot get address of value");
            if (o.kind == ObjectKind.ABSENT) throw new ObjectAbsentException("object absent");
            return o.bits;
        }
        return o.longValue();
    }

    private static double floatValue(Operand x) {
        if (x.isFloat()) return x.obj.doubleValue();
        long v = intValue(x);
        return x.signed ? (double) v : unsignedToDouble(v);
    }

    static double unsignedToDouble(long v) {
        if (v >= 0) return v;
        // round-to-nearest-even of a 64-bit unsigned value
        return ((double) ((v >>> 1) | (v & 1))) * 2.0;
    }

    // ---- promotions and conversions --------------------------------------------------------

    private static final int RANK_BOOL = 0, RANK_CHAR = 1, RANK_SHORT = 2, RANK_INT = 3,
            RANK_LONG = 4, RANK_LONG_LONG = 5, RANK_EXTENDED = -1;

    private static int primitiveRank(ObjectContext ctx, Type u) {
        PrimitiveType p = ctx.primitiveOf(u);
        if (p == null) return RANK_EXTENDED;
        return switch (p) {
            case C_BOOL -> RANK_BOOL;
            case C_CHAR, C_SIGNED_CHAR, C_UNSIGNED_CHAR -> RANK_CHAR;
            case C_SHORT, C_UNSIGNED_SHORT -> RANK_SHORT;
            case C_INT, C_UNSIGNED_INT -> RANK_INT;
            case C_LONG, C_UNSIGNED_LONG -> RANK_LONG;
            case C_LONG_LONG, C_UNSIGNED_LONG_LONG -> RANK_LONG_LONG;
            default -> RANK_EXTENDED;
        };
    }

    /** C's integer promotions. */
    private static Operand promote(Operand x) {
        if (!x.isInteger()) return x;
        ObjectContext ctx = x.obj.ctx;
        Type intType = ctx.primitive(PrimitiveType.C_INT);
        int intBits = sizeBits(intType.underlying());
        int rank = primitiveRank(ctx, x.u);
        boolean narrow;
        if (x.obj.bitFieldSize != 0 || rank == RANK_EXTENDED) {
            narrow = x.width < intBits || (x.width == intBits && (x.signed || x.u instanceof BoolType));
            if (!narrow && x.width == intBits) {  // unsigned, int's width: unsigned int
                Type ui = ctx.primitive(PrimitiveType.C_UNSIGNED_INT);
                return new Operand(x.obj, ui, ui.underlying(), intBits, false, x.name);
            }
            if (!narrow) return new Operand(x.obj, x.type, x.u, sizeBits(x.u), x.signed, x.name);
        } else {
            narrow = rank < RANK_INT;
            if (narrow && x.width >= intBits && !x.signed) {
                Type ui = ctx.primitive(PrimitiveType.C_UNSIGNED_INT);
                return new Operand(x.obj, ui, ui.underlying(), intBits, false, x.name);
            }
        }
        if (narrow) return new Operand(x.obj, intType, intType.underlying(), intBits, true, x.name);
        return x;
    }

    /** Compares integer conversion ranks of two promoted integer operands. */
    private static int compareRank(Operand a, Operand b) {
        if (a.width != b.width) return Integer.compare(a.width, b.width);
        ObjectContext ctx = a.obj.ctx;
        return Integer.compare(primitiveRank(ctx, a.u), primitiveRank(ctx, b.u));
    }

    /** The usual arithmetic conversions: the common type of two arithmetic operands. */
    private static Operand commonType(Operand a, Operand b) {
        if (a.isFloat() || b.isFloat()) {
            if (a.isFloat() && b.isFloat()) return a.width > b.width ? a : b;
            return a.isFloat() ? a : b;
        }
        a = promote(a);
        b = promote(b);
        // equal ranks and signedness: drgn keeps the right operand's type (a typedef, say)
        if (a.signed == b.signed) return compareRank(a, b) > 0 ? a : b;
        Operand uo = a.signed ? b : a, so = a.signed ? a : b;
        if (compareRank(uo, so) >= 0) return uo;
        if (so.width > uo.width) return so;
        Type t = unsignedOf(so);
        return new Operand(so.obj, t, t.underlying(), so.width, false, so.name);
    }

    private static Type unsignedOf(Operand s) {
        ObjectContext ctx = s.obj.ctx;
        PrimitiveType p = ctx.primitiveOf(s.u);
        if (p != null) {
            PrimitiveType up = switch (p) {
                case C_LONG -> PrimitiveType.C_UNSIGNED_LONG;
                case C_LONG_LONG -> PrimitiveType.C_UNSIGNED_LONG_LONG;
                case C_INT -> PrimitiveType.C_UNSIGNED_INT;
                default -> null;
            };
            if (up != null) return ctx.primitive(up);
        }
        IntType it = (IntType) s.u;
        return new IntType("unsigned " + it.name(), it.size(), false, it.byteOrder(), Qualifiers.NONE, it.language());
    }

    // ---- binary operators ------------------------------------------------------------------

    private static TypeErrorException invalid(String what, Operand a, Operand b) {
        return new TypeErrorException("invalid operands to " + what + " ('" + a.name + "' and '" + b.name + "')");
    }

    static DrgnObject add(DrgnObject a, DrgnObject b) {
        Operand x = operand(a), y = operand(b);
        if (x.isPointer()) elementSize((PointerType) x.u);   // drgn sizes both pointees first
        if (y.isPointer()) elementSize((PointerType) y.u);
        if (x.isPointer() && y.isInteger()) return pointerAdd(x, y, false);
        if (x.isInteger() && y.isPointer()) return pointerAdd(y, x, false);
        if (x.isArithmetic() && y.isArithmetic()) return arith(Op.ADD, a, b, x, y);
        throw invalid("binary +", x, y);
    }

    static DrgnObject sub(DrgnObject a, DrgnObject b) {
        Operand x = operand(a), y = operand(b);
        if (x.isPointer()) elementSize((PointerType) x.u);
        if (y.isPointer()) elementSize((PointerType) y.u);
        if (x.isPointer() && y.isPointer()) {
            Type ra = ((PointerType) x.u).referenced().unqualified(), rb = ((PointerType) y.u).referenced().unqualified();
            if (ra != rb && !ra.typeName().equals(rb.typeName())) throw invalid("binary -", x, y);
            long size = elementSize((PointerType) x.u);
            long diff = intValue(x) - intValue(y);
            long q = size == 0 ? diff : diff / size;
            return DrgnObject.ofLong(a.ctx, a.ctx.primitive(PrimitiveType.C_PTRDIFF_T), q);
        }
        if (x.isPointer() && y.isInteger()) return pointerAdd(x, y, true);
        if (x.isArithmetic() && y.isArithmetic()) return arith(Op.SUB, a, b, x, y);
        throw invalid("binary -", x, y);
    }

    private static long elementSize(PointerType p) {
        Type r = p.referenced().underlying();
        if (r instanceof org.jdrgn.types.VoidType) return 1;
        if (r instanceof FunctionType) throw new TypeErrorException("cannot get size of function type");
        return p.referenced().sizeof();
    }

    private static DrgnObject pointerAdd(Operand p, Operand i, boolean subtract) {
        long size = elementSize((PointerType) p.u);
        long n = intValue(i);
        if (!i.signed && i.width < 64) n = Bits.truncate(n, i.width);
        long addr = subtract ? intValue(p) - n * size : intValue(p) + n * size;
        return DrgnObject.ofLong(p.obj.ctx, p.type, addr);
    }

    static DrgnObject arith(Op op, DrgnObject a, DrgnObject b) {
        return arith(op, a, b, operand(a), operand(b));
    }

    private static DrgnObject arith(Op op, DrgnObject a, DrgnObject b, Operand x, Operand y) {
        String what = "binary " + op.symbol;
        if (!x.isArithmetic() || !y.isArithmetic()) throw invalid(what, x, y);
        if (op.integerOnly() && (!x.isInteger() || !y.isInteger())) throw invalid(what, x, y);
        Operand c = commonType(x, y);
        ObjectContext ctx = a.ctx;
        if (c.isFloat()) {
            double l = floatValue(x), r = floatValue(y);
            double v = switch (op) {
                case ADD -> l + r;
                case SUB -> l - r;
                case MUL -> l * r;
                case DIV -> {
                    if (r == 0) throw new ZeroDivisionException("division by zero");
                    yield l / r;
                }
                default -> throw invalid(what, x, y);
            };
            return DrgnObject.ofDouble(ctx, c.type, v);
        }
        long l = convert(x, c), r = convert(y, c);
        long v = switch (op) {
            case ADD -> l + r;
            case SUB -> l - r;
            case MUL -> l * r;
            case DIV -> {
                if (r == 0) throw new ZeroDivisionException("division by zero");
                yield c.signed ? l / r : Long.divideUnsigned(l, r);
            }
            case MOD -> {
                if (r == 0) throw new ZeroDivisionException("division by zero");
                yield c.signed ? l % r : Long.remainderUnsigned(l, r);
            }
            case AND -> l & r;
            case OR -> l | r;
            case XOR -> l ^ r;
        };
        return DrgnObject.ofLong(ctx, c.type, v);
    }

    /** An integer operand's value converted to the common integer type c (wrapped). */
    private static long convert(Operand x, Operand c) {
        long v = intValue(x);
        return Bits.wrap(v, c.width, c.signed);
    }

    static DrgnObject shift(boolean left, DrgnObject a, DrgnObject b) {
        Operand x = operand(a), y = operand(b);
        String what = "binary " + (left ? "<<" : ">>");
        if (!x.isInteger() || !y.isInteger()) throw invalid(what, x, y);
        x = promote(x);
        y = promote(y);
        long r = Bits.wrap(intValue(y), y.width, y.signed);
        if (y.signed && r < 0) throw new ValueErrorException("negative shift count");
        long l = Bits.wrap(intValue(x), x.width, x.signed);
        long v;
        boolean big = !y.signed && r < 0 || r >= x.width;
        if (left) {
            v = big ? 0 : l << r;
        } else if (big) {
            v = x.signed && l < 0 ? -1 : 0;
        } else {
            v = x.signed ? l >> r : l >>> r;
        }
        return DrgnObject.ofLong(a.ctx, x.type, v);
    }

    /** Python's rich comparisons, with C's conversions. */
    public enum Comparison { EQ, NE, LT, LE, GT, GE }

    static boolean compare(Comparison op, DrgnObject a, DrgnObject b) {
        Operand x = operand(a), y = operand(b);
        int c;
        if (x.isPointer() && y.isPointer()) {
            c = Long.compareUnsigned(intValue(x), intValue(y));
        } else {
            if (!x.isArithmetic() || !y.isArithmetic()) throw invalid("comparison", x, y);
            Operand common = commonType(x, y);
            if (common.isFloat()) {
                double l = floatValue(x), r = floatValue(y);
                return switch (op) {  // NaN compares unequal to everything, as in C
                    case EQ -> l == r; case NE -> l != r; case LT -> l < r;
                    case LE -> l <= r; case GT -> l > r; case GE -> l >= r;
                };
            }
            long l = convert(x, common), r = convert(y, common);
            c = common.signed ? Long.compare(l, r) : Long.compareUnsigned(l, r);
        }
        return switch (op) {
            case EQ -> c == 0; case NE -> c != 0; case LT -> c < 0;
            case LE -> c <= 0; case GT -> c > 0; case GE -> c >= 0;
        };
    }

    // ---- unary operators and conversions ---------------------------------------------------

    static DrgnObject unary(Unary op, DrgnObject a) {
        Operand x = operand(a);
        String sym = switch (op) { case NEG -> "-"; case POS -> "+"; case INVERT -> "~"; };
        boolean ok = op == Unary.INVERT ? x.isInteger() : x.isArithmetic();
        if (!ok) throw new TypeErrorException("invalid operand to unary " + sym + " ('" + x.name + "')");
        if (x.isFloat()) {
            double d = x.obj.doubleValue();
            return DrgnObject.ofDouble(a.ctx, x.type, op == Unary.NEG ? -d : d);
        }
        Operand p = promote(x);
        long v = Bits.wrap(intValue(x), p.width, p.signed);
        long r = switch (op) { case NEG -> -v; case POS -> v; case INVERT -> ~v; };
        return DrgnObject.ofLong(a.ctx, p.type, r);
    }

    static boolean truth(DrgnObject a) {
        if (a.u instanceof ArrayType) return a.kind != ObjectKind.REFERENCE || a.bits != 0;
        if (a.u instanceof FunctionType) throw new TypeErrorException("cannot convert '" + a.type.typeName() + "' to bool");
        Operand x = operand(a);
        if (x.isFloat()) return x.obj.doubleValue() != 0.0;
        if (x.isInteger() || x.isPointer()) return intValue(x) != 0;
        throw new TypeErrorException("cannot convert '" + a.type.typeName() + "' to bool");
    }

    /** The exact integer value of an integer or pointer operand as a Python int. */
    private static Number exactInt(Operand x) {
        long v = intValue(x);
        if (x.signed || v >= 0) return v;
        return new BigInteger(Long.toUnsignedString(v));
    }

    static Number toInt(DrgnObject a) {
        Operand x = operand(a);
        if (a.u instanceof ArrayType || a.u instanceof FunctionType)
            throw new TypeErrorException("cannot convert '" + a.type.typeName() + "' to int");
        if (x.isFloat()) return truncToInt(x.obj.doubleValue());
        if (x.isInteger() || x.isPointer()) return exactInt(x);
        throw new TypeErrorException("cannot convert '" + a.type.typeName() + "' to int");
    }

    static double toFloat(DrgnObject a) {
        Operand x = operand(a);
        if (x.isArithmetic()) return floatValue(x);
        throw new TypeErrorException("cannot convert '" + a.type.typeName() + "' to float");
    }

    static Number index(DrgnObject a) {
        Operand x = operand(a);
        if (a.u instanceof ArrayType || a.u instanceof FunctionType)
            throw new TypeErrorException("'" + a.type.typeName() + "' object cannot be interpreted as an integer");
        if (x.isInteger() || x.isPointer()) return exactInt(x);
        throw new TypeErrorException("'" + a.type.typeName() + "' object cannot be interpreted as an integer");
    }

    static Number round(DrgnObject a, Rounding mode) {
        Operand x = operand(a);
        if (x.u instanceof BoolType && mode == Rounding.ROUND) return intValue(x) != 0 ? 1L : 0L;  // round(value_())
        if (x.isInteger()) return exactInt(x);
        if (!x.isFloat()) throw new TypeErrorException("cannot round '" + a.type.typeName() + "'");
        double d = x.obj.doubleValue();
        double r = switch (mode) {
            case ROUND -> Math.rint(d);
            case TRUNC -> d < 0 ? Math.ceil(d) : Math.floor(d);
            case FLOOR -> Math.floor(d);
            case CEIL -> Math.ceil(d);
        };
        return truncToInt(r);
    }

    private static Number truncToInt(double d) {
        if (Double.isNaN(d)) throw new ValueErrorException("cannot convert float NaN to integer");
        if (Double.isInfinite(d)) throw new IntegerOverflowException("cannot convert float infinity to integer");
        if (d >= -9.2e18 && d <= 9.2e18) return (long) d;
        return new BigDecimal(d).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    }

    /** C's conversion of a double to an integer of bitSize bits (truncation, then wrap). */
    static long doubleToIntBits(double d, int bitSize, boolean signed) {
        // x86-64's conversion: NaN and out-of-range values become the "integer indefinite" 1 << 63
        if (Double.isNaN(d) || d >= 0x1p63 || d < -0x1p63) return Bits.wrap(Long.MIN_VALUE, bitSize, signed);
        long v = (long) d;
        return Bits.wrap(v, bitSize, signed);
    }

    // ---- cast ------------------------------------------------------------------------------

    static DrgnObject cast(DrgnObject a, Type to) {
        Type tu = to.underlying();
        boolean scalarTarget = tu instanceof IntType || tu instanceof BoolType || tu instanceof PointerType
                || tu instanceof FloatType || (tu instanceof EnumType e && e.compatibleType() != null);
        if (tu instanceof org.jdrgn.types.VoidType) throw new TypeErrorException("cannot cast to void type");
        if (tu instanceof FunctionType) throw new TypeErrorException("cannot cast to function type");
        if (!scalarTarget) throw new TypeErrorException("cannot cast to '" + to.typeName() + "'");
        Operand x = operand(a);
        if ((!x.isArithmetic() && !x.isPointer()) || (x.isPointer() && tu instanceof FloatType))
            throw new TypeErrorException("cannot convert '" + x.name + "' to '" + to.typeName() + "'");
        ObjectContext ctx = a.ctx;
        if (tu instanceof FloatType) return DrgnObject.ofDouble(ctx, to, floatValue(x));
        if (x.isFloat()) {
            return DrgnObject.ofLong(ctx, to, doubleToIntBits(x.obj.doubleValue(), 64, true));
        }
        return DrgnObject.ofLong(ctx, to, intValue(x));
    }
}
