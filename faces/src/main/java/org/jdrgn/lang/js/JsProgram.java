package org.jdrgn.lang.js;

import java.nio.ByteBuffer;
import java.util.List;
import org.graalvm.polyglot.HostAccess.Export;
import org.graalvm.polyglot.Value;
import org.jdrgn.error.KeyNotFoundException;
import org.jdrgn.error.TypeErrorException;
import org.jdrgn.error.ValueErrorException;
import org.jdrgn.lang.FrameAccess;
import org.jdrgn.lang.KernelHelpers;
import org.jdrgn.lang.ObjectOps;
import org.jdrgn.lang.Tuples;
import org.jdrgn.objects.AbsenceReason;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.program.ObjectFinder;
import org.jdrgn.types.Type;
import org.jdrgn.program.Platform;
import org.jdrgn.program.Program;

/**
 * The Java object behind a JS {@code drgn.Program} (held in a private field by drgn.js).
 * Values cross as longs, arrays and byte buffers; drgn.js turns 64-bit longs into BigInt.
 */
public final class JsProgram {
    final JsRuntime rt;
    private final Program prog;

    JsProgram(JsRuntime rt, Program prog) {
        this.rt = rt;
        this.prog = prog;
    }

    public Program program() { return prog; }

    @Export public Object[] platform() {
        Platform p = prog.platform();
        return p == null ? null : new Object[] {p.arch().value(), p.flags()};
    }

    @Export public int flags() { return prog.flags(); }

    // ---- objects and types -----------------------------------------------------------------

    private JsObject wrap(DrgnObject o) { return new JsObject(this, o); }

    /** prog.object(name, flags, filename): LookupError when absent. */
    @Export public JsObject object(String name, int flags, Value filename) {
        return rt.call(() -> wrap(prog.object(name, flags, filename.isNull() ? null : filename.asString())));
    }

    /** prog.get(name), drgn's prog[name]: KeyError when absent. */
    @Export public JsObject get(String name) {
        return rt.call(() -> {
            DrgnObject o = prog.findObject(name, ObjectFinder.ANY, null);
            if (o == null) throw new KeyNotFoundException(name);
            return wrap(o);
        });
    }

    @Export public boolean contains(String name) {
        return rt.call(() -> prog.findObject(name, ObjectFinder.ANY, null) != null);
    }

    @Export public JsType type(String name, Value filename) {
        return rt.call(() -> new JsType(this, prog.types().parse(name, filename.isNull() ? null : filename.asString())));
    }

    private Type typeArg(Value type) {
        if (type.isHostObject() && type.asHostObject() instanceof JsType t) return t.type;
        if (type.isString()) return ObjectOps.type(prog, type.asString());
        throw new TypeErrorException("expected Type or type name");
    }

    /**
     * new drgn.Object(prog, type, {value | address | absenceReason}): a value, a reference or
     * (neither) absent, for the reason named (an {@link AbsenceReason} name; null: OTHER).
     */
    @Export public JsObject newObject(Value type, Value value, Value address, Value absenceReason) {
        return rt.call(() -> {
            var ctx = prog.objectContext();
            if (type.isNull()) {
                if (value.isNull()) throw new TypeErrorException("Object() needs a type or a value");
                return wrap(DrgnObject.literal(ctx, ObjectOps.number(value)));
            }
            Type t = typeArg(type);
            if (!absenceReason.isNull()) {
                if (!value.isNull() || !address.isNull()) throw new ValueErrorException("absent object cannot have value or address");
                return wrap(DrgnObject.absent(ctx, t, null, AbsenceReason.valueOf(absenceReason.asString())));
            }
            if (!address.isNull()) {
                if (!value.isNull()) throw new ValueErrorException("object cannot have address and value");
                return wrap(DrgnObject.reference(ctx, t, address.asLong(), 0, null));
            }
            if (value.isNull()) return wrap(DrgnObject.absent(ctx, t, null));
            Object v = value.isHostObject() && value.asHostObject() instanceof JsObject o ? o.obj : ObjectOps.number(value);
            return wrap(DrgnObject.value(ctx, t, v, null));
        });
    }

    // ---- stack traces and kernel helpers -----------------------------------------------------

    @Export public JsStackTrace stackTrace(long tid) {
        return rt.call(() -> new JsStackTrace(this, FrameAccess.trace(prog, tid)));
    }

    /** Thread.stackTrace(): see FrameAccess.threadTrace. */
    @Export public JsStackTrace threadStackTrace(long tid) {
        return rt.call(() -> new JsStackTrace(this, FrameAccess.threadTrace(prog, tid)));
    }

    /** The trace of a kernel {@code struct task_struct *}, by address (idle tasks too). */
    @Export public JsStackTrace stackTraceOfTask(long task) {
        return rt.call(() -> new JsStackTrace(this, FrameAccess.taskTrace(prog, task)));
    }

    @Export public JsObject cpuCurr(Value cpu) { return rt.call(() -> wrap(KernelHelpers.cpuCurr(prog, JsObject.index(cpu)))); }

    @Export public JsObject idleTask(Value cpu) { return rt.call(() -> wrap(KernelHelpers.idleTask(prog, JsObject.index(cpu)))); }

    /** get_dmesg(prog): the bytes as a heap buffer (drgn.js wraps it in a Uint8Array). */
    @Export public ByteBuffer getDmesg() { return rt.call(() -> ByteBuffer.wrap(KernelHelpers.dmesg(prog))); }

    /**
     * get_printk_records(prog): per record [text, facility, level, seq, timestamp, callerTid,
     * callerCpu, continuation, [[contextKey, value], ...]]; bytes as heap buffers, absent caller
     * fields null.
     */
    @Export public Object[] printkRecords() {
        return rt.call(() -> KernelHelpers.printkRecords(prog).stream().map(r -> {
            Object[] f = r.toArray();
            f[0] = ByteBuffer.wrap((byte[]) f[0]);
            f[3] = ((Number) f[3]).longValue();
            f[4] = ((Number) f[4]).longValue();
            f[8] = ((List<?>) f[8]).stream().map(kv -> new Object[] {
                    new String((byte[]) ((List<?>) kv).get(0), java.nio.charset.StandardCharsets.UTF_8),
                    ByteBuffer.wrap((byte[]) ((List<?>) kv).get(1))}).toArray();
            return f;
        }).toArray());
    }

    /**
     * Any Linux helper by drgn's name (org.jdrgn.lang.KernelHelpers), for drgn-helpers.js:
     * JS Objects, Types, numbers, BigInts, booleans and strings in; JsObjects, ByteBuffers
     * (bytes), arrays, numbers, booleans, null and decimal strings (unsigned values past 2^63) out.
     */
    @Export public Object helper(String name, Value[] args) {
        return rt.call(() -> {
            java.util.List<Object> in = new java.util.ArrayList<>();
            for (Value v : args) in.add(helperArg(v));
            Object r = KernelHelpers.convert(KernelHelpers.call(prog, name, in), this::wrap, ByteBuffer::wrap);
            return r instanceof java.math.BigInteger b ? b.toString() : r;
        });
    }

    /** [name, shape] of every helper: drgn-helpers.js defines one camelCase function per name. */
    @Export public Object[] helperShapes() {
        return KernelHelpers.helpers().stream().map(h -> new Object[] {h.name(), h.shape().name()}).toArray();
    }

    private static Object helperArg(Value v) {
        if (v.isNull()) return null;
        if (v.isHostObject()) {
            Object h = v.asHostObject();
            if (h instanceof JsObject o) return o.obj;
            if (h instanceof JsType t) return t.type();
        }
        if (v.isBoolean()) return v.asBoolean();
        if (v.fitsInLong()) return v.asLong();
        if (v.fitsInBigInteger()) return v.asBigInteger().longValue();
        if (v.isString()) return v.asString();
        throw new org.jdrgn.error.TypeErrorException("unsupported helper argument " + v);
    }

    @Export public Object[] forEachTask() { return rt.call(() -> KernelHelpers.forEachTask(prog).stream().map(this::wrap).toArray()); }

    @Export public JsObject findTask(Value pid) { return rt.call(() -> wrap(KernelHelpers.findTask(prog, JsObject.index(pid)))); }

    @Export public String taskStateToChar(JsObject task) { return rt.call(() -> KernelHelpers.taskStateToChar(prog, task.obj)); }

    /** The bytes as a heap buffer: drgn.js wraps it in an ArrayBuffer without copying. */
    @Export public ByteBuffer read(long address, int size, boolean physical) {
        return rt.call(() -> ByteBuffer.wrap(prog.read(address, size, physical)));
    }

    @Export public long readUnsigned(long address, int size, boolean physical) {
        return rt.call(() -> prog.readUnsigned(address, size, physical));
    }

    @Export public long readWord(long address, boolean physical) {
        return rt.call(() -> prog.readWord(address, physical));
    }

    /** readFn: drgn.js's adapter, returning an ArrayBuffer (interop buffer elements). */
    @Export public void addMemorySegment(long address, long size, Value readFn, boolean physical) {
        prog.addMemorySegment(address, size, Tuples.segmentReader(readFn), physical);
    }

    @Export public void setCoreDump(String path) { rt.run(() -> rt.openCore(prog, path)); }

    // ---- threads: [tid, name] ------------------------------------------------------------

    @Export public Object[] threads() {
        return rt.call(() -> Tuples.threads(prog.threads()));
    }

    @Export public Object[] thread(long tid) { return rt.call(() -> Tuples.thread(prog.thread(tid))); }

    @Export public Object[] mainThread() { return rt.call(() -> Tuples.thread(prog.mainThread())); }

    @Export public Object[] crashedThread() { return rt.call(() -> Tuples.thread(prog.crashedThread())); }

    // ---- symbols: [name, address, size, binding, kind] -----------------------------------

    @Export public Object[] symbolAt(long address) { return rt.call(() -> Tuples.symbol(prog.symbol(address))); }

    @Export public Object[] symbolNamed(String name) { return rt.call(() -> Tuples.symbol(prog.symbol(name))); }

    @Export public Object[] symbols() { return rt.call(() -> Tuples.symbols(prog.symbols(null))); }

    @Export public Object[] symbolsAt(long address) { return rt.call(() -> Tuples.symbols(prog.symbols(address))); }

    @Export public Object[] symbolsNamed(String name) { return rt.call(() -> Tuples.symbols(prog.symbols(name))); }
}
