package org.jdrgn.objects;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Python's repr() of the Java forms {@link DrgnObject#value()} returns, for drgn's repr. */
public final class PyRepr {
    private PyRepr() {}

    /** @param hex print integers as hex (drgn does so for pointer values) */
    public static String of(Object v, boolean hex) {
        StringBuilder sb = new StringBuilder();
        append(sb, v, hex);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object v, boolean hex) {
        switch (v) {
            case Boolean b -> sb.append(b ? "True" : "False");
            case Long l -> sb.append(hex ? "0x" + Long.toHexString(l) : Long.toString(l));
            case BigInteger b -> sb.append(hex ? "0x" + b.toString(16) : b.toString());
            case Double d -> sb.append(floatRepr(d));
            case List<?> list -> {
                sb.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) sb.append(", ");
                    append(sb, list.get(i), false);
                }
                sb.append(']');
            }
            case Map<?, ?> map -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) sb.append(", ");
                    first = false;
                    sb.append('\'').append(e.getKey()).append("': ");
                    append(sb, e.getValue(), false);
                }
                sb.append('}');
            }
            case byte[] b -> appendBytes(sb, b);
            case null -> sb.append("None");
            default -> sb.append(v);
        }
    }

    /** Python's float repr: shortest round-trip digits, exponent form outside [1e-4, 1e16). */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d < 0 ? "-inf" : "inf";
        if (d == 0) return Double.doubleToRawLongBits(d) < 0 ? "-0.0" : "0.0";
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exp = digits.length() - 1 - bd.scale();
        String sign = d < 0 ? "-" : "";
        if (exp < -4 || exp >= 16) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        if (exp < 0) return sign + "0." + "0".repeat(-exp - 1) + digits;
        if (digits.length() <= exp + 1) return sign + digits + "0".repeat(exp + 1 - digits.length()) + ".0";
        return sign + digits.substring(0, exp + 1) + "." + digits.substring(exp + 1);
    }

    /** Python's bytes repr: b'...' with \\x escapes. */
    public static void appendBytes(StringBuilder sb, byte[] b) {
        boolean hasSingle = false, hasDouble = false;
        for (byte x : b) {
            if (x == '\'') hasSingle = true;
            if (x == '"') hasDouble = true;
        }
        char q = hasSingle && !hasDouble ? '"' : '\'';
        sb.append('b').append(q);
        for (byte x : b) {
            int c = x & 0xff;
            if (c == q || c == '\\') sb.append('\\').append((char) c);
            else if (c == '\t') sb.append("\\t");
            else if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c >= 0x20 && c < 0x7f) sb.append((char) c);
            else sb.append(String.format("\\x%02x", c));
        }
        sb.append(q);
    }
}
