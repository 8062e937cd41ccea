package org.jdrgn.lang.python;

import org.graalvm.polyglot.HostAccess.Export;
import org.graalvm.polyglot.Value;
import org.jdrgn.error.TypeErrorException;
import org.jdrgn.types.LazyType;
import org.jdrgn.types.Type;
import org.jdrgn.types.TypeMember;
import org.jdrgn.types.TypeParameter;
import org.jdrgn.types.TypeRepr;

/**
 * The Java object behind drgn's TypeMember; {@link Parameter} is TypeParameter's. Both hold
 * a lazily evaluated type whose program is known once the type is.
 */
public final class PyMember {
    private final Lazy lazy;
    final TypeMember member;

    PyMember(PyRuntime rt, PyProgram prog, TypeMember member) {
        this.lazy = new Lazy(rt, prog, member.lazyType());
        this.member = member;
    }

    private PyMember(Lazy lazy, TypeMember member) {
        this.lazy = lazy;
        this.member = member;
    }

    /** drgn.TypeMember(type_or_callable, name, bit_offset) built from Python. */
    static PyMember fromPython(PyRuntime rt, Value typeOrFn, String name, long bitOffset, long bitFieldSize) {
        Lazy l = Lazy.fromPython(rt, typeOrFn);
        return new PyMember(l, new TypeMember(l.type, name, bitOffset, bitFieldSize));
    }

    @Export public PyType jType() { return lazy.get(); }

    @Export public String jName() { return member.name(); }

    @Export public long jBitOffset() { return member.bitOffset(); }

    @Export public long jOffset() { return lazy.rt.call(member::offset); }

    @Export public Object jBitFieldSize() { return member.isBitField() ? (Object) member.bitFieldSize() : null; }

    @Export public String jRepr() { return lazy.rt.call(() -> lazy.repr().repr(member)); }

    /** drgn's TypeParameter. */
    public static final class Parameter {
        private final Lazy lazy;
        final TypeParameter parameter;

        Parameter(PyRuntime rt, PyProgram prog, TypeParameter parameter) {
            this.lazy = new Lazy(rt, prog, parameter.lazyType());
            this.parameter = parameter;
        }

        private Parameter(Lazy lazy, TypeParameter parameter) {
            this.lazy = lazy;
            this.parameter = parameter;
        }

        static Parameter fromPython(PyRuntime rt, Value typeOrFn, String name) {
            Lazy l = Lazy.fromPython(rt, typeOrFn);
            return new Parameter(l, new TypeParameter(l.type, name));
        }

        @Export public PyType jType() { return lazy.get(); }

        @Export public String jName() { return parameter.name(); }

        @Export public String jRepr() { return lazy.rt.call(() -> lazy.repr().repr(parameter)); }
    }

    /** A lazy type plus the program it belongs to (learned from the callable's result). */
    private static final class Lazy {
        final PyRuntime rt;
        volatile PyProgram prog;
        LazyType type;

        Lazy(PyRuntime rt, PyProgram prog, LazyType type) {
            this.rt = rt;
            this.prog = prog;
            this.type = type;
        }

        static Lazy fromPython(PyRuntime rt, Value typeOrFn) {
            if (typeOrFn.isHostObject() && typeOrFn.asHostObject() instanceof PyType t) {
                return new Lazy(rt, t.prog, LazyType.of(t.type()));
            }
            if (!typeOrFn.canExecute()) {
                throw new TypeErrorException("TypeMember type must be type or callable returning Type");
            }
            Lazy l = new Lazy(rt, null, null);
            l.type = LazyType.of(() -> {
                Value v = typeOrFn.execute();
                if (!(v.isHostObject() && v.asHostObject() instanceof PyType t)) {
                    throw new TypeErrorException("type callable must return Type");
                }
                l.prog = t.prog;
                return t.type();
            });
            return l;
        }

        PyType get() {
            return rt.call(() -> {
                Type t = type.get();
                return new PyType(prog, t);
            });
        }

        TypeRepr repr() { return prog != null ? prog.repr() : TypeRepr.X86_64; }
    }
}
