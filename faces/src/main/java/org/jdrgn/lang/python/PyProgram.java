package org.jdrgn.lang.python;

import java.util.List;
import java.nio.ByteOrder;
import java.util.ArrayList;
import org.graalvm.polyglot.HostAccess.Export;
import org.graalvm.polyglot.TypeLiteral;
import org.jdrgn.error.TypeErrorException;
import org.jdrgn.error.ValueErrorException;
import org.jdrgn.types.ArrayType;
import org.jdrgn.types.BoolType;
import org.jdrgn.types.CompoundType;
import org.jdrgn.types.EnumType;
import org.jdrgn.types.FloatType;
import org.jdrgn.types.FunctionType;
import org.jdrgn.types.IntType;
import org.jdrgn.types.Language;
import org.jdrgn.types.PointerType;
import org.jdrgn.types.Qualifiers;
import org.jdrgn.types.Type;
import org.jdrgn.types.TypeEnumerator;
import org.jdrgn.types.TypeKind;
import org.jdrgn.types.TypeMember;
import org.jdrgn.types.TypeParameter;
import org.jdrgn.types.TypeRepr;
import org.jdrgn.types.TypedefType;
import org.jdrgn.types.VoidType;
import org.graalvm.polyglot.Value;
import org.jdrgn.lang.Tuples;
import org.jdrgn.program.Platform;
import org.jdrgn.program.Program;

/**
 * The Java object behind a Python {@code drgn.Program} (registered as that class's interop
 * type in _drgn.py). Methods are prefixed {@code j} so they never shadow the Python API;
 * values cross as plain longs/arrays, unsigned conversion happens in _drgn.py.
 */
public final class PyProgram {
    final PyRuntime rt;
    private final Program prog;

    PyProgram(PyRuntime rt, Program prog) {
        this.rt = rt;
        this.prog = prog;
    }

    public Program program() { return prog; }

    /** drgn's Program.cache: one dict per program for helpers' memoized data (made by factory on first use). */
    private org.graalvm.polyglot.Value cache;

    @Export public synchronized org.graalvm.polyglot.Value jCache(org.graalvm.polyglot.Value factory) {
        if (cache == null) cache = factory.execute();
        return cache;
    }

    /** drgn's repr() of types leaves out sizes/byte orders equal to this program's defaults. */
    TypeRepr repr() {
        Platform p = prog.platform();
        return p == null ? TypeRepr.X86_64
                : new TypeRepr(p.wordSize(), p.isLittleEndian() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    }

    // ---- types ---------------------------------------------------------------------------

    private PyType wrap(Type t) { return new PyType(this, t); }

    static Type t(Value v) {
        if (v.isHostObject() && v.asHostObject() instanceof PyType pt) return pt.type();
        throw new TypeErrorException("expected Type");
    }

    private static ByteOrder order(Value v, Program prog) {
        if (v.isNull()) {
            Platform p = prog.platform();
            if (p == null) throw new ValueErrorException("program byte order is not known");
            return p.isLittleEndian() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        }
        return switch (v.asString()) {
            case "little" -> ByteOrder.LITTLE_ENDIAN;
            case "big" -> ByteOrder.BIG_ENDIAN;
            default -> throw new ValueErrorException("invalid byte order; must be 'little', 'big', or None");
        };
    }

    private static Language lang(Value v) {
        return v.isNull() ? Language.C : Language.valueOf(v.asString());
    }

    @Export public PyType jTypeNamed(String name, Value filename) {
        return rt.call(() -> wrap(prog.types().parse(name, filename.isNull() ? null : filename.asString())));
    }

    @Export public PyType jVoidType(int q, Value lang) {
        return wrap(new VoidType(Qualifiers.of(q), lang(lang)));
    }

    @Export public PyType jIntType(String name, long size, boolean signed, Value byteorder, int q, Value lang) {
        return rt.call(() -> wrap(new IntType(name, size, signed, order(byteorder, prog), Qualifiers.of(q), lang(lang))));
    }

    @Export public PyType jBoolType(String name, long size, Value byteorder, int q, Value lang) {
        return rt.call(() -> wrap(new BoolType(name, size, order(byteorder, prog), Qualifiers.of(q), lang(lang))));
    }

    @Export public PyType jFloatType(String name, long size, Value byteorder, int q, Value lang) {
        return rt.call(() -> wrap(new FloatType(name, size, order(byteorder, prog), Qualifiers.of(q), lang(lang))));
    }

    @Export public PyType jCompoundType(int kind, Value tag, Value size, Value members, int q, Value lang) {
        return rt.call(() -> {
            TypeKind k = TypeKind.values()[kind - 1];
            String tg = tag.isNull() ? null : tag.asString();
            List<TypeMember> ms = members.isNull() ? null : members.as(new TypeLiteral<List<PyMember>>() {})
                    .stream().map(m -> m.member).toList();
            if ((ms == null) != size.isNull()) {
                throw new ValueErrorException("incomplete structure type must not have size or members");
            }
            return wrap(new CompoundType(k, tg, size.isNull() ? null : size.asLong(), ms, List.of(), Qualifiers.of(q), lang(lang)));
        });
    }

    @Export public PyType jEnumType(Value tag, Value compatible, Value enumerators, int q, Value lang) {
        return rt.call(() -> {
            String tg = tag.isNull() ? null : tag.asString();
            if (enumerators.isNull()) {
                if (!compatible.isNull()) throw new ValueErrorException("incomplete enum type must not have compatible type");
                return wrap(EnumType.incomplete(tg).qualified(Qualifiers.of(q)));
            }
            if (!(t(compatible) instanceof IntType it)) throw new TypeErrorException("compatible type must be integer type");
            List<TypeEnumerator> es = new ArrayList<>();
            for (long i = 0; i < enumerators.getArraySize(); i++) {
                Value e = enumerators.getArrayElement(i);
                Value v = e.getArrayElement(1);
                es.add(new TypeEnumerator(e.getArrayElement(0).asString(),
                        v.fitsInLong() ? v.asLong() : v.asBigInteger().longValue()));
            }
            return wrap(new EnumType(tg, it, es, Qualifiers.of(q), lang(lang)));
        });
    }

    @Export public PyType jTypedefType(String name, Value aliased, int q, Value lang) {
        return rt.call(() -> wrap(new TypedefType(name, t(aliased), Qualifiers.of(q), lang(lang))));
    }

    @Export public PyType jPointerType(Value referenced, Value size, Value byteorder, int q, Value lang) {
        return rt.call(() -> {
            long sz = size.isNull() ? wordSize() : size.asLong();
            return wrap(new PointerType(t(referenced), sz, order(byteorder, prog), Qualifiers.of(q), lang(lang)));
        });
    }

    private long wordSize() {
        if (prog.platform() == null) throw new ValueErrorException("program word size is not known");
        return prog.platform().wordSize();
    }

    @Export public PyType jArrayType(Value element, Value length, int q, Value lang) {
        return rt.call(() -> wrap(new ArrayType(t(element), length.isNull() ? null : length.asLong(),
                Qualifiers.of(q), lang(lang))));
    }

    @Export public PyType jFunctionType(Value ret, Value params, boolean variadic, int q, Value lang) {
        return rt.call(() -> {
            List<TypeParameter> ps = params.as(new TypeLiteral<List<PyMember.Parameter>>() {})
                    .stream().map(m -> m.parameter).toList();
            return wrap(new FunctionType(t(ret), ps, variadic, List.of(), Qualifiers.of(q), lang(lang)));
        });
    }

    // ---- objects -------------------------------------------------------------------------

    PyObject wrap(org.jdrgn.objects.DrgnObject o) { return new PyObject(this, o); }

    private org.jdrgn.objects.ObjectContext ctx() { return prog.objectContext(); }

    @Export public PyObject jObject(String name, int flags, Value filename) {
        return rt.call(() -> wrap(prog.object(name, flags, filename.isNull() ? null : filename.asString())));
    }

    /** prog[name]: KeyError when absent, as drgn. */
    @Export public PyObject jGetItem(String name) {
        return rt.call(() -> {
            org.jdrgn.objects.DrgnObject o = prog.findObject(name, org.jdrgn.program.ObjectFinder.ANY, null);
            if (o == null) throw new org.jdrgn.error.KeyNotFoundException(name);
            return wrap(o);
        });
    }

    @Export public boolean jContains(String name) {
        return rt.call(() -> prog.findObject(name, org.jdrgn.program.ObjectFinder.ANY, null) != null);
    }

    /** Object(prog, type, value=..., address=..., bit_offset=..., bit_field_size=...) and literals. */
    @Export public PyObject jNewObject(Value type, Value value, Value address, long bitOffset, Value bitFieldSize) {
        return rt.call(() -> {
            Long bfs = bitFieldSize.isNull() ? null : bitFieldSize.asLong();
            if (type.isNull()) {
                if (value.isNull()) throw new TypeErrorException("Object() missing required argument 'type' (pos 2)");
                return wrap(org.jdrgn.objects.DrgnObject.literal(ctx(), PyObject.number(value)));
            }
            Type ty = type.isString() ? prog.types().parse(type.asString(), null) : t(type);
            if (!address.isNull()) {
                if (!value.isNull()) throw new ValueErrorException("object cannot have address and value");
                return wrap(org.jdrgn.objects.DrgnObject.reference(ctx(), ty, address.asLong(), bitOffset, bfs));
            }
            if (value.isNull()) return wrap(org.jdrgn.objects.DrgnObject.absent(ctx(), ty, bfs));
            return wrap(org.jdrgn.objects.DrgnObject.value(ctx(), ty, javaValue(value), bfs));
        });
    }

    /** Object(prog, type, absence_reason=AbsenceReason.NAME, bit_field_size=...). */
    @Export public PyObject jNewAbsentObject(Value type, String reason, Value bitFieldSize) {
        return rt.call(() -> {
            Type ty = type.isString() ? prog.types().parse(type.asString(), null) : t(type);
            return wrap(org.jdrgn.objects.DrgnObject.absent(ctx(), ty, bitFieldSize.isNull() ? null : bitFieldSize.asLong(),
                    org.jdrgn.objects.AbsenceReason.valueOf(reason)));
        });
    }

    /** A Python value for Object(value=...): numbers, and dicts/sequences for compound types. */
    private static Object javaValue(Value v) {
        if (v.isHostObject() && v.asHostObject() instanceof PyObject o) return o.obj;
        if (v.isBoolean() || v.isNumber()) return PyObject.number(v);
        if (v.hasHashEntries()) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            for (Object k : v.getHashKeysIterator().as(Iterable.class)) {
                m.put(k.toString(), javaValue(v.getHashValue(k)));
            }
            return m;
        }
        if (v.hasArrayElements()) {
            List<Object> l = new ArrayList<>();
            for (long i = 0; i < v.getArraySize(); i++) l.add(javaValue(v.getArrayElement(i)));
            return l;
        }
        throw new TypeErrorException("cannot convert " + v.getMetaObject() + " to object value");
    }

    @Export public PyObject jFromBytes(Value type, String latin1, long bitOffset, Value bitFieldSize) {
        return rt.call(() -> wrap(org.jdrgn.objects.DrgnObject.fromBytes(ctx(),
                type.isString() ? prog.types().parse(type.asString(), null) : t(type),
                latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), bitOffset,
                bitFieldSize.isNull() ? null : bitFieldSize.asLong())));
    }

    @Export public PyObject jNull(Value type) {
        return rt.call(() -> wrap(org.jdrgn.objects.DrgnObject.nullOf(ctx(),
                type.isString() ? prog.types().parse(type.asString(), null) : t(type))));
    }

    /**
     * The Linux helpers' one entry (org.jdrgn.lang.KernelHelpers): Objects, Types, ints, bools,
     * str and bytes in; Objects, ints, bools, None, bytes (as Latin-1 str) and lists of them out.
     */
    @Export public Object jKernelHelper(String name, Value args) {
        return rt.call(() -> {
            List<Object> in = new ArrayList<>();
            for (long i = 0; i < args.getArraySize(); i++) in.add(helperArg(args.getArrayElement(i)));
            Object r = org.jdrgn.lang.KernelHelpers.call(prog, name, in);
            // [shape, value]: 0 as is, 1 bytes (Latin-1 str), 2 a flat list, 3 nested (converted element-wise)
            int shape = r instanceof byte[] ? 1 : !(r instanceof List<?> l) ? 0
                    : l.stream().anyMatch(x -> x instanceof List || x instanceof byte[]) ? 3 : 2;
            return new Object[] {shape, org.jdrgn.lang.KernelHelpers.convert(r, this::wrap, PyRuntime::latin1)};
        });
    }

    private static Object helperArg(Value v) {
        if (v.isNull()) return null;
        if (v.isHostObject()) {
            Object h = v.asHostObject();
            if (h instanceof PyObject o) return o.obj;
            if (h instanceof PyType t) return t.type();
            if (h instanceof byte[] b) return b;
        }
        if (v.isBoolean()) return v.asBoolean();
        if (v.fitsInLong()) return v.asLong();
        if (v.isString()) return v.asString();
        if (v.hasBufferElements()) {                   // Python bytes
            byte[] b = new byte[(int) v.getBufferSize()];
            v.readBuffer(0, b, 0, b.length);
            return b;
        }
        throw new TypeErrorException("unsupported helper argument " + v);
    }

    /** drgn's add_object_finder: fn(prog, name, flags, filename) -> Object or None. */
    @Export public void jAddObjectFinder(Value fn) {
        prog.addObjectFinder((name, flags, filename) -> {
            Value v = fn.execute(this, name, flags, filename);
            if (v.isNull()) return null;
            if (v.isHostObject() && v.asHostObject() instanceof PyObject o) return o.obj;
            throw new TypeErrorException("object find callback must return Object or None");
        });
    }

    /** drgn's add_type_finder: fn(kind, name, filename) -> Type or None; kinds as drgn's TypeKind values. */
    @Export public void jAddTypeFinder(Value fn) {
        prog.types().addFinder((kind, name, filename) -> {
            Value v = fn.execute(kind.value(), name, filename);
            return v.isNull() ? null : t(v);
        });
    }

    @Export public Object[] jPlatform() {
        Platform p = prog.platform();
        return p == null ? null : new Object[] {p.arch().value(), p.flags()};
    }

    @Export public int jFlags() { return prog.flags(); }

    /** Bytes as a Latin-1 string: one cheap interop copy; _drgn.py encodes it back to bytes. */
    @Export public String jRead(long address, int size, boolean physical) {
        return rt.call(() -> PyRuntime.latin1(prog.read(address, size, physical)));
    }

    /** prog.read_c_string(address, physical, max_size=): bytes as a Latin-1 str; max_size < 0: ValueError. */
    @Export public String jReadCString(long address, boolean physical, long maxSize) {
        return rt.call(() -> PyRuntime.latin1(org.jdrgn.program.CStringReader.read(prog, address, physical, maxSize)));
    }

    /** Program.core_dump_path, or null. */
    @Export public String jCoreDumpPath() { return org.jdrgn.program.CoreDumpPath.get(prog).orElse(null); }

    private String languageOverride;   // Program.language once set; null: the heuristic's answer

    @Export public String jLanguageOverride() { return languageOverride; }

    @Export public void jSetLanguageOverride(String name) { languageOverride = name; }

    @Export public long jReadUnsigned(long address, int size, boolean physical) {
        return rt.call(() -> prog.readUnsigned(address, size, physical));
    }

    @Export public long jReadWord(long address, boolean physical) {
        return rt.call(() -> prog.readWord(address, physical));
    }

    @Export public void jAddMemorySegment(long address, long size, Value readFn, boolean physical) {
        prog.addMemorySegment(address, size, Tuples.segmentReader(readFn), physical);
    }

    /**
     * A kernel dump whose vmlinux set_core_dump could not find: drgn opens a core before its
     * debug info, so it is opened by the load_debug_info(paths) that follows (jLoadDebugInfo).
     */
    private String deferredCore;

    @Export public void jSetCoreDump(String path) {
        rt.run(() -> {
            try {
                rt.openCore(prog, path);
            } catch (org.jdrgn.error.MissingDebugInfoException e) {
                if (!org.jdrgn.program.kernel.KernelLoader.isKernelDump(java.nio.file.Path.of(path))) throw e;
                deferredCore = path;
            }
        });
    }

    /** load_debug_info(paths, default, main) after a deferred set_core_dump: opens it; false if none was deferred. */
    @Export public boolean jLoadDebugInfo(Value paths, boolean defaults, boolean main) {
        return rt.call(() -> {
            if (deferredCore == null) return false;
            List<java.nio.file.Path> files = new ArrayList<>();
            for (long i = 0; i < paths.getArraySize(); i++) files.add(java.nio.file.Path.of(paths.getArrayElement(i).asString()));
            org.jdrgn.program.load.DumpLoader.open(prog, java.nio.file.Path.of(deferredCore),
                    new org.jdrgn.program.DebugInfoOptions(files, defaults, main), w -> { });
            deferredCore = null;
            return true;
        });
    }

    // ---- threads -------------------------------------------------------------------------

    @Export public Object[] jThreads() {
        return rt.call(() -> Tuples.threads(prog.threads()));
    }

    @Export public Object[] jThread(long tid) { return rt.call(() -> Tuples.thread(prog.thread(tid))); }

    @Export public Object[] jMainThread() { return rt.call(() -> Tuples.thread(prog.mainThread())); }

    @Export public Object[] jCrashedThread() { return rt.call(() -> Tuples.thread(prog.crashedThread())); }

    // ---- symbols -------------------------------------------------------------------------

    @Export public Object[] jSymbolAt(long address) { return rt.call(() -> Tuples.symbol(prog.symbol(address))); }

    @Export public Object[] jSymbolNamed(String name) { return rt.call(() -> Tuples.symbol(prog.symbol(name))); }

    @Export public Object[] jSymbols() { return rt.call(() -> Tuples.symbols(prog.symbols(null))); }

    @Export public Object[] jSymbolsAt(long address) { return rt.call(() -> Tuples.symbols(prog.symbols(address))); }

    @Export public Object[] jSymbolsNamed(String name) { return rt.call(() -> Tuples.symbols(prog.symbols(name))); }
}
