package org.jdrgn.objects;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small subset of Python expressions the oracle's cases use for values: ints (decimal,
 * hex), floats, + - ** , True/False/None, 'strings', lists, dicts and list(range(n)).
 * Ints become Long when they fit, else BigInteger.
 */
final class PyLiteral {
    private final String s;
    private int i;

    private PyLiteral(String s) { this.s = s; }

    static Object parse(String s) {
        PyLiteral p = new PyLiteral(s);
        Object v = p.sum();
        if (p.i != s.length()) throw new IllegalArgumentException("trailing input in " + s);
        return v;
    }

    private Object sum() {
        Object v = unary();
        while (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            char op = s.charAt(i++);
            Object r = unary();
            v = op == '+' ? add(v, r) : add(v, negate(r));
        }
        return v;
    }

    private Object unary() {
        if (s.charAt(i) == '-') {
            i++;
            return negate(unary());
        }
        return power();
    }

    private Object power() {
        Object base = atom();
        if (s.startsWith("**", i)) {
            i += 2;
            Object e = unary();
            return norm(big(base).pow(((Number) e).intValue()));
        }
        return base;
    }

    private Object atom() {
        char c = s.charAt(i);
        if (c == '[') {
            i++;
            List<Object> list = new ArrayList<>();
            while (s.charAt(i) != ']') {
                list.add(sum());
                if (s.charAt(i) == ',') i++;
            }
            i++;
            return list;
        }
        if (c == '{') {
            i++;
            Map<Object, Object> map = new LinkedHashMap<>();
            while (s.charAt(i) != '}') {
                Object k = sum();
                i++;  // ':'
                map.put(k, sum());
                if (s.charAt(i) == ',') i++;
            }
            i++;
            return map;
        }
        if (c == '\'') {
            int end = s.indexOf('\'', i + 1);
            String str = s.substring(i + 1, end);
            i = end + 1;
            return str;
        }
        if (s.startsWith("list(range(", i)) {
            i += "list(range(".length();
            int n = ((Number) sum()).intValue();
            i += 2;
            List<Object> list = new ArrayList<>();
            for (long k = 0; k < n; k++) list.add(k);
            return list;
        }
        for (String w : new String[] {"True", "False", "None"}) {
            if (s.startsWith(w, i)) {
                i += w.length();
                return w.equals("None") ? null : w.equals("True");
            }
        }
        int start = i;
        if (s.startsWith("0x", i)) {
            i += 2;
            while (i < s.length() && Character.digit(s.charAt(i), 16) >= 0) i++;
            return norm(new BigInteger(s.substring(start + 2, i), 16));
        }
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == 'e')) i++;
        String num = s.substring(start, i);
        if (num.contains(".") || num.contains("e")) return Double.parseDouble(num);
        return norm(new BigInteger(num));
    }

    private static BigInteger big(Object v) {
        return v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue());
    }

    private static Object norm(BigInteger b) { return b.bitLength() < 64 ? (Object) b.longValue() : b; }

    private static Object add(Object a, Object b) {
        if (a instanceof Double || b instanceof Double) return ((Number) a).doubleValue() + ((Number) b).doubleValue();
        return norm(big(a).add(big(b)));
    }

    private static Object negate(Object a) {
        if (a instanceof Double d) return -d;
        return norm(big(a).negate());
    }
}
