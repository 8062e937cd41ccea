package org.jdrgn.objects;

import java.util.HexFormat;
import java.util.Map;
import org.jdrgn.error.FaultException;
import org.jdrgn.error.LookupException;
import org.jdrgn.error.ObjectAbsentException;
import org.jdrgn.error.OutOfBoundsException;
import org.jdrgn.error.TypeErrorException;
import org.jdrgn.error.ValueErrorException;
import org.jdrgn.types.Type;

/** Evaluates one case of object_oracle.txt (see make_object_oracle.py) with the Java objects. */
final class OracleCase {
    private final MockProgram mp;

    OracleCase(MockProgram mp) { this.mp = mp; }

    String run(String text) {
        String[] w = text.split(" ");
        try {
            Object r = eval(w);
            if (w[0].equals("str") || w[0].equals("fmt")) return (String) r;
            return render(r);
        } catch (RuntimeException e) {
            return "!" + pythonName(e) + ": " + e.getMessage();
        }
    }

    static String pythonName(RuntimeException e) {
        return switch (e) {
            case FaultException f -> "FaultError";
            case ObjectAbsentException a -> "ObjectAbsentError";
            case OutOfBoundsException o -> "OutOfBoundsError";
            case TypeErrorException t -> "TypeError";
            case ValueErrorException v -> "ValueError";
            case LookupException l -> "LookupError";
            case ZeroDivisionException z -> "ZeroDivisionError";
            case IntegerOverflowException o -> "OverflowError";
            default -> e.getClass().getSimpleName();
        };
    }

    private static String render(Object r) {
        return switch (r) {
            case DrgnObject o -> o.repr();
            case Boolean b -> b ? "True" : "False";
            case Double d -> PyRepr.floatRepr(d);
            case byte[] b -> {
                StringBuilder sb = new StringBuilder();
                PyRepr.appendBytes(sb, b);
                yield sb.toString();
            }
            case Object[] tuple -> {
                StringBuilder sb = new StringBuilder("(");
                for (int i = 0; i < tuple.length; i++) sb.append(i > 0 ? ", " : "").append(render(tuple[i]));
                yield sb.append(')').toString();
            }
            case null -> "None";
            default -> PyRepr.of(r, false);
        };
    }

    private Type type(String word) { return mp.t.get(word.substring(2)); }

    /** A Python value operand ('#...') or an object path. */
    private Object operand(String s) {
        if (s.startsWith("#")) return PyLiteral.parse(s.substring(1));
        return path(s);
    }

    private DrgnObject obj(String s) {
        Object v = operand(s);
        return v instanceof DrgnObject o ? o : DrgnObject.literal(mp.ctx, v);
    }

    private DrgnObject path(String s) {
        StringBuilder prefix = new StringBuilder();
        while (s.charAt(0) == '&' || s.charAt(0) == '*') {
            prefix.insert(0, s.charAt(0));
            s = s.substring(1);
        }
        int k = 0;
        while (k < s.length() && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_')) k++;
        DrgnObject o = mp.o.get(s.substring(0, k));
        s = s.substring(k);
        while (!s.isEmpty()) {
            if (s.charAt(0) == '.') {
                k = 1;
                while (k < s.length() && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_')) k++;
                o = o.member(s.substring(1, k));
                s = s.substring(k);
            } else {
                k = s.indexOf(']');
                o = o.subscript(Long.parseLong(s.substring(1, k)));
                s = s.substring(k + 1);
            }
        }
        for (char c : prefix.toString().toCharArray()) o = c == '&' ? o.addressOf() : o.subscript(0);
        return o;
    }

    private Object eval(String[] w) {
        String op = w[0];
        return switch (op) {
            case "repr" -> path(w[1]);
            case "str" -> path(w[1]).toString();
            case "fmt" -> {
                FormatOptions f = FormatOptions.DEFAULT;
                for (String item : w[2].split(",")) {
                    String[] kv = item.split("=");
                    f = kv[0].equals("columns") ? f.withColumns(Long.parseLong(kv[1])) : f.with(kv[0], kv[1].equals("1"));
                }
                yield path(w[1]).format(f);
            }
            case "value" -> path(w[1]).value();
            case "read" -> path(w[1]).read();
            case "bytes" -> path(w[1]).toBytes();
            case "string" -> path(w[1]).string();
            case "sizeof" -> path(w[1]).sizeof();
            case "addr" -> path(w[1]).addressOf();
            case "attrs" -> {
                DrgnObject o = path(w[1]);
                yield new Object[] {o.address(), o.bitOffset() == null ? null : (long) o.bitOffset(),
                        o.bitFieldSize() == null ? null : (long) o.bitFieldSize(), o.isAbsent()};
            }
            case "int" -> path(w[1]).toInt();
            case "float" -> path(w[1]).toFloat();
            case "index" -> path(w[1]).index();
            case "bool" -> path(w[1]).truth();
            case "round" -> path(w[1]).round(CArithmetic.Rounding.ROUND);
            case "trunc" -> path(w[1]).round(CArithmetic.Rounding.TRUNC);
            case "floor" -> path(w[1]).round(CArithmetic.Rounding.FLOOR);
            case "ceil" -> path(w[1]).round(CArithmetic.Rounding.CEIL);
            case "len" -> path(w[1]).length();
            case "neg" -> path(w[1]).neg();
            case "pos" -> path(w[1]).pos();
            case "inv" -> path(w[1]).invert();
            case "bin" -> {
                // Python reflects a comparison whose left operand is not an Object (2 < x runs x > 2)
                if (w[2].startsWith("#") && REFLECTED.containsKey(w[1])) yield binary(REFLECTED.get(w[1]), obj(w[3]), obj(w[2]));
                yield binary(w[1], obj(w[2]), obj(w[3]));
            }
            case "cast" -> path(w[2]).cast(type(w[1]));
            case "reinterpret" -> path(w[2]).reinterpret(type(w[1]));
            case "container_of" -> path(w[1]).containerOf(type(w[2]), w[3]);
            case "slice" -> path(w[1]).slice(w[2].equals("_") ? null : Long.parseLong(w[2]),
                    w[3].equals("_") ? null : Long.parseLong(w[3]));
            case "lit" -> DrgnObject.literal(mp.ctx, PyLiteral.parse(w[1]));
            case "new" -> DrgnObject.value(mp.ctx, type(w[1]), PyLiteral.parse(w[2]),
                    w.length > 3 ? Long.parseLong(w[3]) : null);
            case "newref" -> DrgnObject.reference(mp.ctx, type(w[1]), Long.decode(w[2]), Long.parseLong(w[3]),
                    Long.parseLong(w[4]) == 0 ? null : Long.parseLong(w[4]));
            case "frombytes" -> DrgnObject.fromBytes(mp.ctx, type(w[1]), HexFormat.of().parseHex(w[2]),
                    Long.parseLong(w[3]), Long.parseLong(w[4]) == 0 ? null : Long.parseLong(w[4]));
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static Object binary(String op, DrgnObject a, DrgnObject b) {
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
            case "==" -> a.compare(CArithmetic.Comparison.EQ, b);
            case "!=" -> a.compare(CArithmetic.Comparison.NE, b);
            case "<" -> a.compare(CArithmetic.Comparison.LT, b);
            case "<=" -> a.compare(CArithmetic.Comparison.LE, b);
            case ">" -> a.compare(CArithmetic.Comparison.GT, b);
            case ">=" -> a.compare(CArithmetic.Comparison.GE, b);
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static final Map<String, String> REFLECTED = Map.of("==", "==", "!=", "!=", "<", ">", ">", "<", "<=", ">=", ">=", "<=");
}
