package org.jdrgn.lang.python;

import java.util.Map;
import org.graalvm.polyglot.HostAccess.Export;
import org.graalvm.polyglot.Value;
import org.jdrgn.lang.ObjectOps;
import org.jdrgn.objects.CArithmetic;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.objects.Literals;
import org.jdrgn.types.Type;

/**
 * The Java object behind a Python {@code drgn.Object}: every operation is the engine's
 * (org.jdrgn.objects); this class only converts operands and results. Python numbers on
 * either side of an operator become C literals as drgn's rules say ({@link Literals}).
 */
public final class PyObject {
    final PyProgram prog;
    final DrgnObject obj;

    PyObject(PyProgram prog, DrgnObject obj) {
        this.prog = prog;
        this.obj = obj;
    }

    public DrgnObject object() { return obj; }

    private PyObject wrap(DrgnObject o) { return new PyObject(prog, o); }

    private PyType wrap(Type t) { return new PyType(prog, t); }

    private PyRuntime rt() { return prog.rt; }

    /** An operand: a Python Object or a Python int/float/bool literal. */
    DrgnObject operand(Value v) {
        if (v.isHostObject() && v.asHostObject() instanceof PyObject o) return o.obj;
        return Literals.of(obj.context(), number(v));
    }

    static Object number(Value v) { return ObjectOps.number(v); }

    // ---- attributes ----------------------------------------------------------------------

    @Export public PyProgram jProg() { return prog; }

    @Export public PyType jType() { return wrap(obj.type()); }

    @Export public Long jAddress() { return obj.address(); }

    @Export public boolean jAbsent() { return obj.isAbsent(); }

    /** The AbsenceReason member name, or null for values and references. */
    @Export public String jAbsenceReason() { return obj.isAbsent() ? obj.absenceReason().name() : null; }

    @Export public Integer jBitOffset() { return obj.bitOffset(); }

    @Export public Integer jBitFieldSize() { return obj.bitFieldSize(); }

    // ---- access --------------------------------------------------------------------------

    @Export public PyObject jMember(String name) { return rt().call(() -> wrap(obj.member(name))); }

    @Export public PyObject jSubscript(long i) { return rt().call(() -> wrap(obj.subscript(i))); }

    @Export public PyObject jSlice(Value start, Value stop) {
        return rt().call(() -> wrap(obj.slice(start.isNull() ? null : start.asLong(), stop.isNull() ? null : stop.asLong())));
    }

    @Export public long jLength() { return rt().call(obj::length); }

    @Export public PyObject jAddressOf() { return rt().call(() -> wrap(obj.addressOf())); }

    @Export public PyObject jRead() { return rt().call(() -> wrap(obj.read())); }

    @Export public Object jValue() { return rt().call(() -> pythonable(obj.value())); }

    @Export public String jString() { return rt().call(() -> PyRuntime.latin1(obj.string())); }

    @Export public String jToBytes() { return rt().call(() -> PyRuntime.latin1(obj.toBytes())); }

    /** A type argument as scripts pass it: a Type, or a C type name parsed in this object's program. */
    private Type typeArg(Value type) {
        return type.isString() ? prog.program().types().parse(type.asString(), null) : PyProgram.t(type);
    }

    @Export public PyObject jCast(Value type) { return rt().call(() -> wrap(obj.cast(typeArg(type)))); }

    @Export public PyObject jReinterpret(Value type) { return rt().call(() -> wrap(obj.reinterpret(typeArg(type)))); }

    @Export public PyObject jContainerOf(Value type, String member) {
        return rt().call(() -> wrap(obj.containerOf(typeArg(type), member)));
    }

    private static Object pythonable(Object v) { return ObjectOps.tagged(v); }

    // ---- arithmetic ----------------------------------------------------------------------

    @Export public PyObject jBinary(String op, Value other, boolean reflected) {
        return rt().call(() -> {
            DrgnObject a = obj, b = operand(other);
            if (reflected) {
                DrgnObject t = a;
                a = b;
                b = t;
            }
            return wrap(ObjectOps.binary(op, a, b));
        });
    }

    @Export public PyObject jUnary(String op) {
        return rt().call(() -> wrap(ObjectOps.unary(op, obj)));
    }

    @Export public boolean jCompare(String op, Value other) {
        return rt().call(() -> obj.compare(CArithmetic.Comparison.valueOf(op), operand(other)));
    }

    @Export public boolean jTruth() { return rt().call(obj::truth); }

    @Export public Object jInt() { return rt().call(() -> pythonable(obj.toInt())); }

    @Export public double jFloat() { return rt().call(obj::toFloat); }

    @Export public Object jIndex() { return rt().call(() -> pythonable(obj.index())); }

    @Export public Object jRound(String mode) {
        return rt().call(() -> pythonable(obj.round(CArithmetic.Rounding.valueOf(mode))));
    }

    // ---- printing ------------------------------------------------------------------------

    @Export public String jStr() { return rt().call(obj::toString); }

    @Export public String jRepr() { return rt().call(obj::repr); }

    /** format_(): options as drgn's keyword names (None leaves the default). */
    @Export public String jFormat(Value options) {
        return rt().call(() -> {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            for (Object k : options.getHashKeysIterator().as(Iterable.class)) {
                Value v = options.getHashValue(k.toString());
                m.put(k.toString(), v.isNull() ? null : v.isBoolean() ? (Object) v.asBoolean() : (Object) v.asLong());
            }
            return ObjectOps.format(obj, m);
        });
    }

    @Export public String[] jMemberNames() { return rt().call(() -> ObjectOps.memberNames(obj).toArray(String[]::new)); }
}
