package org.jdrgn.variables;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdrgn.error.DrgnException;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.types.ArrayType;
import org.jdrgn.types.BoolType;
import org.jdrgn.types.CompoundType;
import org.jdrgn.types.EnumType;
import org.jdrgn.types.FloatType;
import org.jdrgn.types.IntType;
import org.jdrgn.types.PointerType;
import org.jdrgn.types.Type;
import org.jdrgn.types.TypeEnumerator;

/**
 * Compares an object with gdb's text of the same variable: numbers by value, pointers by
 * address (gdb's {@code <symbol>} annotation is ignored) and for char pointers the string gdb
 * prints after the address with the one we read there, chars by code, enums by
 * enumerator, bools, floats, char arrays by gdb's string bytes, other arrays element by element
 * and structs/unions member by member (by name). {@code <masked>} parts (the oracle hides
 * jmp_buf secrets) are not compared.
 */
final class GdbValueMatch {
    private static final Pattern NUMBER = Pattern.compile("^(-?(?:0x[0-9a-f]+|\\d+(?:\\.\\d*)?(?:e[-+]?\\d+)?|inf|nan\\(0x[0-9a-f]+\\)|-?nan))\\b.*", Pattern.DOTALL);
    private static final Pattern CHAR = Pattern.compile("^'(.*)'$", Pattern.DOTALL);

    private GdbValueMatch() {}

    /** Null if {@code o} has gdb's value, else what differs (with a path to it). */
    static String mismatch(GdbValue g, DrgnObject o) {
        List<String> out = new ArrayList<>();
        compare(g, o, "", out);
        return out.isEmpty() ? null : String.join("; ", out);
    }

    private static void compare(GdbValue g, DrgnObject o, String path, List<String> out) {
        if (out.size() > 3) return;
        Type t = o.type().underlying();
        try {
            switch (t) {
                case CompoundType c -> {
                    if (!(g instanceof GdbValue.Aggregate a)) { out.add(path + ": gdb " + g + " for a " + t.typeName()); return; }
                    for (GdbValue.Item it : a.items()) {
                        if (it.name() == null) continue;    // an unnamed member's own members are printed inside it
                        compare(it.value(), o.member(it.name()), path + "." + it.name(), out);
                    }
                }
                case ArrayType arr -> compareArray(g, o, arr, path, out);
                default -> {
                    if (!(g instanceof GdbValue.Scalar s)) { out.add(path + ": gdb " + g + " for a " + t.typeName()); return; }
                    if (s.text().contains("<masked>")) return;
                    String err = scalar(s.text(), o, t);
                    if (err != null) out.add(path + ": " + err);
                }
            }
        } catch (DrgnException e) {
            out.add(path + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static void compareArray(GdbValue g, DrgnObject o, ArrayType arr, String path, List<String> out) {
        List<GdbValue> elements = new ArrayList<>();
        List<GdbValue.Item> items = g instanceof GdbValue.Aggregate a ? a.items() : List.of(new GdbValue.Item(null, g, 1));
        boolean chars = arr.element().underlying() instanceof IntType it && it.size() == 1;
        for (GdbValue.Item it : items) {
            if (it.value() instanceof GdbValue.Scalar sc && sc.text().contains("<masked>")) return;
            if (chars && it.value() instanceof GdbValue.Str str) {
                for (byte b : str.bytes()) elements.add(new GdbValue.Scalar(Integer.toString(b & 0xff)));
                continue;
            }
            for (long k = 0; k < it.repeats() && elements.size() < 1 << 16; k++) elements.add(it.value());
        }
        long n = arr.length() == null ? 0 : arr.length();
        for (int i = 0; i < Math.min(n, elements.size()) && out.size() <= 3; i++) compare(elements.get(i), o.subscript(i), path + "[" + i + "]", out);
    }

    private static String scalar(String text, DrgnObject o, Type t) {
        Object v = o.value();
        String gdb = text;
        Matcher ch = CHAR.matcher(gdb);
        if (ch.matches()) {
            long code = charCode(ch.group(1));
            return code == toLong(v) || (byte) code == (byte) toLong(v) ? null : "gdb " + text + ", ours " + v;
        }
        if (t instanceof BoolType) return gdb.equals(Boolean.TRUE.equals(v) ? "true" : "false") ? null : "gdb " + text + ", ours " + v;
        if (t instanceof EnumType e && !NUMBER.matcher(gdb).matches()) {
            long value = toLong(v);
            for (TypeEnumerator en : e.enumerators()) if (en.value() == value && en.name().equals(gdb)) return null;
            return gdb.startsWith("(") ? null : "gdb " + text + ", ours " + v;   // flag combinations: not compared
        }
        Matcher m = NUMBER.matcher(gdb);
        if (!m.matches()) return "gdb " + text + " not a number for " + t.typeName();
        String num = m.group(1);
        if (t instanceof FloatType) {
            double d = ((Number) v).doubleValue();
            if (num.contains("nan")) return Double.isNaN(d) ? null : "gdb " + text + ", ours " + d;
            double g = Double.parseDouble(num.replace("inf", "Infinity"));
            return g == d || Math.abs(g - d) <= 1e-6 * Math.abs(d) ? null : "gdb " + text + ", ours " + d;
        }
        BigInteger g = num.startsWith("0x") ? new BigInteger(num.substring(2), 16)
                : num.startsWith("-0x") ? new BigInteger(num.substring(3), 16).negate() : new BigInteger(num.replaceAll("\\..*", ""));
        BigInteger ours = v instanceof BigInteger b ? b : BigInteger.valueOf(toLong(v));
        int bits = (int) (t.sizeof() * 8);
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        if (g.and(mask).equals(ours.and(mask))) return t instanceof PointerType p ? pointedString(text, o, p) : null;
        return "gdb " + text + ", ours " + (t instanceof PointerType ? "0x" + ours.and(mask).toString(16) : ours);
    }

    /** gdb prints the string a char pointer points to: compare it with what we read there (gdb stops at 200 chars). */
    private static String pointedString(String text, DrgnObject o, PointerType p) {
        int quote = text.indexOf('"');
        if (quote < 0 || !(p.referenced().underlying() instanceof IntType it) || it.size() != 1) return null;
        if (!(GdbValue.parse(text.substring(quote)) instanceof GdbValue.Str str)) return "gdb " + text + ": no string";
        byte[] ours = o.string();
        byte[] gdb = str.bytes();
        boolean equal = str.truncated() || gdb.length >= 200
                ? ours.length >= gdb.length && java.util.Arrays.equals(gdb, java.util.Arrays.copyOf(ours, gdb.length))
                : java.util.Arrays.equals(gdb, ours);
        return equal ? null : "gdb " + text + ", ours points to \"" + new String(ours, java.nio.charset.StandardCharsets.ISO_8859_1) + "\"";
    }

    private static long toLong(Object v) {
        return switch (v) {
            case Long l -> l;
            case BigInteger b -> b.longValue();
            case Boolean b -> b ? 1 : 0;
            case Double d -> d.longValue();
            default -> throw new IllegalStateException("not a number: " + v);
        };
    }

    private static long charCode(String lit) {
        if (!lit.startsWith("\\")) return lit.charAt(0);
        String e = lit.substring(1);
        if (e.matches("[0-7]{1,3}")) return Integer.parseInt(e, 8);
        return switch (e.charAt(0)) {
            case 'n' -> '\n'; case 't' -> '\t'; case 'r' -> '\r'; case 'a' -> 7; case 'b' -> 8; case 'f' -> 12;
            case 'v' -> 11; case 'e' -> 27; default -> e.charAt(0);
        };
    }
}
