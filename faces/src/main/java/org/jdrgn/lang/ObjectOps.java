package org.jdrgn.lang;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.jdrgn.error.TypeErrorException;
import org.jdrgn.objects.CArithmetic;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.objects.FormatOptions;
import org.jdrgn.program.Program;
import org.jdrgn.types.CompoundType;
import org.jdrgn.types.PointerType;
import org.jdrgn.types.Type;

/**
 * Object operations as the language adapters name them (C operator spellings, drgn's
 * format_() keywords), so each adapter only converts its operands: the semantics stay in
 * org.jdrgn.objects, and the name-to-operation tables live once, here.
 */
public final class ObjectOps {
    private ObjectOps() {}

    /** {@code a op b} for a C binary operator spelling ("+", "-", "<<", ...). */
    public static DrgnObject binary(String op, DrgnObject a, DrgnObject b) {
        return switch (op) {
            case "+" -> a.add(b);
            case "-" -> a.sub(b);
            case "*" -> a.mul(b);
            case "/" -> a.div(b);
            case "%" -> a.mod(b);
            case "<<" -> a.lshift(b);
            case ">>" -> a.rshift(b);
            case "&" -> a.and(b);
            case "|" -> a.or(b);
            case "^" -> a.xor(b);
            default -> throw new IllegalArgumentException("not a binary operator: " + op);
        };
    }

    /** {@code op a} for "-", "+", "~". */
    public static DrgnObject unary(String op, DrgnObject a) {
        return switch (op) {
            case "-" -> a.neg();
            case "+" -> a.pos();
            case "~" -> a.invert();
            default -> throw new IllegalArgumentException("not a unary operator: " + op);
        };
    }

    /** A comparison by drgn's name (EQ, NE, LT, LE, GT, GE). */
    public static boolean compare(String op, DrgnObject a, DrgnObject b) {
        return a.compare(CArithmetic.Comparison.valueOf(op), b);
    }

    /**
     * format_() with drgn's keyword names ("columns", "dereference", ...); a null value leaves
     * the default, an unknown keyword is drgn's TypeError.
     */
    public static String format(DrgnObject obj, Map<String, ?> options) {
        FormatOptions f = FormatOptions.DEFAULT;
        for (var e : options.entrySet()) {
            Object v = e.getValue();
            if (v == null) continue;
            if (e.getKey().equals("columns")) {
                f = f.withColumns(((Number) v).longValue());
            } else {
                int flag = FormatOptions.flagFor(e.getKey());
                if (flag == 0) throw new TypeErrorException("format_() got an unexpected keyword argument '" + e.getKey() + "'");
                if (!(v instanceof Boolean b)) throw new TypeErrorException(e.getKey() + " must be a boolean");
                f = f.with(flag, b);
            }
        }
        return obj.format(f);
    }

    /** A script's number as the Java value drgn's literal rules take: Boolean, Long, BigInteger or Double. */
    public static Object number(Value v) {
        if (v.isBoolean()) return v.asBoolean();
        if (v.fitsInLong()) return v.asLong();
        if (v.fitsInBigInteger()) return v.asBigInteger();
        if (v.fitsInDouble()) return v.asDouble();
        throw new TypeErrorException("unsupported operand type: " + v.getMetaObject());
    }

    /** A type argument as scripts pass it: a Type, or a C type name parsed in the program. */
    public static Type type(Program prog, Object typeOrName) {
        return switch (typeOrName) {
            case Type t -> t;
            case String s -> prog.types().parse(s, null);
            default -> throw new TypeErrorException("expected Type or type name, not " + typeOrName);
        };
    }

    /** Member names reachable from an object (through a pointer and unnamed members): completion, dir(). */
    public static List<String> memberNames(DrgnObject obj) {
        Type t = obj.type().underlying();
        if (t instanceof PointerType p) t = p.referenced().underlying();
        List<String> names = new ArrayList<>();
        if (t instanceof CompoundType c && c.members() != null) collect(c, names);
        return names;
    }

    private static void collect(CompoundType c, List<String> out) {
        for (var m : c.members()) {
            if (m.name() != null) out.add(m.name());
            else if (m.type().underlying() instanceof CompoundType inner && inner.members() != null) collect(inner, out);
        }
    }

    /**
     * A value_()/int() result as plain interop values: Long, Double, Boolean and String pass;
     * a Map becomes ["dict", keys, values], a List ["list", elements], a BigInteger
     * ["int", decimal] (neither language's host interop carries integers past 64 bits).
     */
    public static Object tagged(Object v) { return tagged(v, false); }

    /**
     * As {@link #tagged(Object)}, with Doubles as ["float", value] when {@code tagFloats}: JS
     * sees Java longs and doubles both as numbers, and 3.0 must not become the BigInt 3n.
     */
    public static Object tagged(Object v, boolean tagFloats) {
        return switch (v) {
            case Map<?, ?> m -> {
                List<Object> keys = new ArrayList<>(), values = new ArrayList<>();
                m.forEach((k, x) -> {
                    keys.add(k);
                    values.add(tagged(x, tagFloats));
                });
                yield new Object[] {"dict", keys.toArray(), values.toArray()};
            }
            case List<?> l -> new Object[] {"list", l.stream().map(x -> tagged(x, tagFloats)).toArray()};
            case BigInteger b -> new Object[] {"int", b.toString()};
            case Double d when tagFloats -> new Object[] {"float", d};
            case null, default -> v;
        };
    }
}
