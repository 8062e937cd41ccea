package org.jdrgn.linux.helpers;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jdrgn.error.TypeErrorException;
import org.jdrgn.linux.KernelObjects;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.types.Type;

/**
 * The arguments of one helper call as the faces pass them: DrgnObject, Long, Boolean, String,
 * byte[] or null; typed accessors raise drgn's TypeError naming the helper and the argument.
 */
public record HelperArgs(KernelObjects kernel, String helper, List<Object> values) {
    public int size() { return values.size(); }

    public boolean has(int i) { return i < values.size() && values.get(i) != null; }

    public Object raw(int i) {
        if (i >= values.size()) throw new TypeErrorException(helper + "() missing argument " + (i + 1));
        return values.get(i);
    }

    /** An Object argument (a drgn.Object in the face). */
    public DrgnObject obj(int i) {
        if (raw(i) instanceof DrgnObject o) return o;
        throw wrong(i, "Object");
    }

    /** An Object argument that may be None. */
    public DrgnObject objOrNull(int i) { return has(i) ? obj(i) : null; }

    /** An integer argument: an int, or an integer/pointer Object's value (drgn's operator.index). */
    public long lng(int i) {
        Object v = raw(i);
        if (v instanceof Long l) return l;
        if (v instanceof Integer n) return n;
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof DrgnObject o) return o.index().longValue();
        throw wrong(i, "int");
    }

    public long lng(int i, long dflt) { return has(i) ? lng(i) : dflt; }

    public boolean bool(int i, boolean dflt) {
        if (!has(i)) return dflt;
        Object v = raw(i);
        if (v instanceof Boolean b) return b;
        if (v instanceof DrgnObject o) return o.truth();
        return lng(i) != 0;
    }

    /** A text argument as bytes (str as UTF-8, bytes as they are). */
    public byte[] bytes(int i) {
        Object v = raw(i);
        if (v instanceof byte[] b) return b;
        if (v instanceof String s) return s.getBytes(StandardCharsets.UTF_8);
        throw wrong(i, "str or bytes");
    }

    public String str(int i) {
        Object v = raw(i);
        if (v instanceof String s) return s;
        if (v instanceof byte[] b) return new String(b, StandardCharsets.UTF_8);
        throw wrong(i, "str");
    }

    /** A type argument: a Type, or a type name as drgn's prog.type() parses it. */
    public Type type(int i) {
        Object v = raw(i);
        if (v instanceof Type t) return t;
        if (v instanceof String s) return kernel.type(s);
        if (v instanceof byte[] b) return kernel.type(new String(b, StandardCharsets.UTF_8));
        throw wrong(i, "str or Type");
    }

    /** An argument that is either a type name or an Object of that type ("struct task_struct *"). */
    public boolean isObj(int i) { return has(i) && raw(i) instanceof DrgnObject; }

    private TypeErrorException wrong(int i, String want) {
        Object v = raw(i);
        String got = v == null ? "None" : v instanceof DrgnObject ? "Object" : v instanceof Long ? "int"
                : v instanceof byte[] ? "bytes" : v instanceof String ? "str" : v.getClass().getSimpleName();
        return new TypeErrorException(helper + "() argument " + (i + 1) + " must be " + want + ", not " + got);
    }

    /** An unsigned 64-bit result: a Long below 2^63, else a BigInteger (the faces make it a non-negative int). */
    public static Object unsigned(long v) {
        return v >= 0 ? (Object) v : new BigInteger(Long.toUnsignedString(v));
    }
}
