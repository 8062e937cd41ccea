package org.jdrgn.lang.js;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.HostAccess.Export;
import org.graalvm.polyglot.Value;
import org.jdrgn.lang.KernelHelpers;
import org.jdrgn.lang.ObjectOps;
import org.jdrgn.objects.CArithmetic;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.objects.Literals;

/**
 * The Java object behind a JS {@code drgn.Object} (held under a private symbol by drgn.js):
 * every operation is the engine's (org.jdrgn.objects via {@link ObjectOps}); this class only
 * converts operands (another Object, a Number or a BigInt) and results.
 */
public final class JsObject {
    final JsProgram prog;
    final DrgnObject obj;

    JsObject(JsProgram prog, DrgnObject obj) {
        this.prog = prog;
        this.obj = obj;
    }

    public DrgnObject object() { return obj; }

    private JsRuntime rt() { return prog.rt; }

    private JsObject wrap(DrgnObject o) { return new JsObject(prog, o); }

    /** An operand: a JS Object's Java side, or a Number/BigInt/boolean literal. */
    private DrgnObject operand(Value v) {
        if (v.isHostObject() && v.asHostObject() instanceof JsObject o) return o.obj;
        return Literals.of(obj.context(), ObjectOps.number(v));
    }

    /** A CPU number or index: an integer Object or a Number/BigInt. */
    static long index(Value v) {
        if (v.isHostObject() && v.asHostObject() instanceof JsObject o) return o.obj.index().longValue();
        if (v.fitsInLong()) return v.asLong();
        throw new org.jdrgn.error.TypeErrorException("expected an integer, not " + v);
    }

    // ---- attributes ----------------------------------------------------------------------

    @Export public JsType type() { return new JsType(prog, obj.type()); }

    @Export public Long address() { return obj.address(); }

    @Export public boolean absent() { return obj.isAbsent(); }

    /** The {@link org.jdrgn.objects.AbsenceReason} name of an absent object, else null. */
    @Export public String absenceReason() { return obj.isAbsent() ? obj.absenceReason().name() : null; }

    @Export public Integer bitOffset() { return obj.bitOffset(); }

    @Export public Integer bitFieldSize() { return obj.bitFieldSize(); }

    // ---- access --------------------------------------------------------------------------

    @Export public JsObject member(String name) { return rt().call(() -> wrap(obj.member(name))); }

    @Export public String[] memberNames() { return rt().call(() -> ObjectOps.memberNames(obj).toArray(String[]::new)); }

    @Export public JsObject subscript(long i) { return rt().call(() -> wrap(obj.subscript(i))); }

    @Export public long length() { return rt().call(obj::length); }

    @Export public JsObject deref() { return rt().call(() -> wrap(obj.deref())); }

    @Export public JsObject addressOf() { return rt().call(() -> wrap(obj.addressOf())); }

    @Export public JsObject read() { return rt().call(() -> wrap(obj.read())); }

    /** value_(): see {@link ObjectOps#tagged}; drgn.js turns the tags into BigInt, objects, arrays. */
    @Export public Object value() { return rt().call(() -> ObjectOps.tagged(obj.value(), true)); }

    /** string_() decoded as UTF-8 (invalid bytes become U+FFFD): JS strings are text. */
    @Export public String string() { return rt().call(() -> new String(obj.string(), StandardCharsets.UTF_8)); }

    @Export public ByteBuffer toBytes() { return rt().call(() -> ByteBuffer.wrap(obj.toBytes())); }

    private org.jdrgn.types.Type typeArg(Value type) {
        if (type.isHostObject() && type.asHostObject() instanceof JsType t) return t.type;
        if (type.isString()) return ObjectOps.type(prog.program(), type.asString());
        throw new org.jdrgn.error.TypeErrorException("expected Type or type name");
    }

    @Export public JsObject cast(Value type) { return rt().call(() -> wrap(obj.cast(typeArg(type)))); }

    @Export public JsObject reinterpret(Value type) { return rt().call(() -> wrap(obj.reinterpret(typeArg(type)))); }

    @Export public JsObject containerOf(Value type, String member) {
        return rt().call(() -> wrap(obj.containerOf(typeArg(type), member)));
    }

    // ---- arithmetic ----------------------------------------------------------------------

    /** {@code this op other}, or {@code other op this} when reflected (a literal on the left). */
    @Export public JsObject binary(String op, Value other, boolean reflected) {
        return rt().call(() -> {
            DrgnObject b = operand(other);
            return wrap(reflected ? ObjectOps.binary(op, b, obj) : ObjectOps.binary(op, obj, b));
        });
    }

    @Export public JsObject unary(String op) { return rt().call(() -> wrap(ObjectOps.unary(op, obj))); }

    @Export public boolean compare(String op, Value other) {
        return rt().call(() -> ObjectOps.compare(op, obj, operand(other)));
    }

    @Export public boolean truth() { return rt().call(obj::truth); }

    @Export public Object toInt() { return rt().call(() -> ObjectOps.tagged(obj.toInt(), true)); }

    @Export public double toFloat() { return rt().call(obj::toFloat); }

    @Export public Object round(String mode) {
        return rt().call(() -> ObjectOps.tagged(obj.round(CArithmetic.Rounding.valueOf(mode)), true));
    }

    // ---- printing ------------------------------------------------------------------------

    @Export public String str() { return rt().call(obj::toString); }

    @Export public String repr() { return rt().call(obj::repr); }

    /** format_(options): drgn's keyword names (drgn.js has turned camelCase into them). */
    @Export public String format(Value options) {
        return rt().call(() -> {
            Map<String, Object> m = new LinkedHashMap<>();
            for (String k : options.getMemberKeys()) {
                Value v = options.getMember(k);
                m.put(k, v.isNull() ? null : v.isBoolean() ? (Object) v.asBoolean() : (Object) v.asLong());
            }
            return ObjectOps.format(obj, m);
        });
    }

    // ---- Linux kernel helpers of an object -----------------------------------------------

    @Export public JsObject perCpuPtr(Value cpu) {
        return rt().call(() -> wrap(KernelHelpers.perCpuPtr(prog.program(), obj, index(cpu))));
    }

    @Export public JsObject perCpu(Value cpu) {
        return rt().call(() -> wrap(KernelHelpers.perCpu(prog.program(), obj, index(cpu))));
    }

    @Export public long taskCpu() { return rt().call(() -> KernelHelpers.taskCpu(prog.program(), obj)); }
}
