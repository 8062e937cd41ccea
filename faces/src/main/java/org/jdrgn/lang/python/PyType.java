package org.jdrgn.lang.python;

import java.util.List;
import org.graalvm.polyglot.HostAccess.Export;
import org.jdrgn.lang.TypeAttributes;
import org.jdrgn.error.AttributeException;
import org.jdrgn.types.CTypePrinter;
import org.jdrgn.types.CompoundType;
import org.jdrgn.types.EnumType;
import org.jdrgn.types.FunctionType;
import org.jdrgn.types.PrimitiveType;
import org.jdrgn.types.Qualifiers;
import org.jdrgn.types.Type;
import org.jdrgn.types.TypeEnumerator;

/**
 * The Java object behind a Python {@code drgn.Type}. Attribute values and errors are the
 * engine's (drgn's wording: "int type does not have members"); _drgn.py maps j* methods
 * to drgn's property names.
 */
public final class PyType {
    final PyRuntime rt;
    final PyProgram prog;
    final Type type;

    PyType(PyProgram prog, Type type) {
        this.rt = prog.rt;
        this.prog = prog;
        this.type = type;
    }

    public Type type() { return type; }

    private PyType wrap(Type t) { return new PyType(prog, t); }

    private AttributeException lacks(String what) { return TypeAttributes.lacks(type, what); }

    @Export public PyProgram jProg() { return prog; }

    @Export public int jKind() { return type.kind().value(); }

    @Export public int jPrimitive() {
        PrimitiveType p = type.primitive();
        return p == null ? -1 : p.value();
    }

    @Export public int jQualifiers() { return type.qualifiers().bits(); }

    @Export public String jLanguage() { return type.language().name(); }

    @Export public String jName() {
        return rt.call(() -> TypeAttributes.name(type));
    }

    @Export public String jTag() {
        return rt.call(() -> TypeAttributes.tag(type));
    }

    @Export public Object jSize() {
        return rt.call(() -> TypeAttributes.size(type));
    }

    @Export public Object jLength() {
        return rt.call(() -> TypeAttributes.length(type));
    }

    @Export public boolean jIsSigned() {
        return rt.call(() -> TypeAttributes.isSigned(type));
    }

    @Export public String jByteOrder() {
        return rt.call(() -> TypeAttributes.byteOrder(type));
    }

    @Export public PyType jType() {
        return rt.call(() -> wrap(TypeAttributes.underlying(type)));
    }

    @Export public Object[] jMembers() {
        return rt.call(() -> {
            if (!(type instanceof CompoundType c)) throw lacks("members");
            return c.members() == null ? null : c.members().stream().map(m -> new PyMember(rt, prog, m)).toArray();
        });
    }

    @Export public Object[] jEnumerators() {
        return rt.call(() -> {
            if (!(type instanceof EnumType e)) throw lacks("enumerators");
            if (e.enumerators() == null) return null;
            boolean signed = e.compatibleType() == null || e.compatibleType().isSigned();
            return e.enumerators().stream().map(x -> new Object[] {x.name(), signed ? x.value() : unsigned(x)}).toArray();
        });
    }

    private static Object unsigned(TypeEnumerator e) {
        return e.value() >= 0 ? (Object) e.value() : new java.math.BigInteger(Long.toUnsignedString(e.value()));
    }

    @Export public Object[] jParameters() {
        return rt.call(() -> {
            if (!(type instanceof FunctionType f)) throw lacks("parameters");
            return f.parameters().stream().map(p -> new PyMember.Parameter(rt, prog, p)).toArray();
        });
    }

    @Export public boolean jIsVariadic() {
        return rt.call(() -> {
            if (type instanceof FunctionType f) return f.isVariadic();
            throw lacks("a variadic flag");
        });
    }

    @Export public long jSizeof() { return rt.call(type::sizeof); }

    @Export public long jAlignof() { return rt.call(type::alignof); }

    @Export public long jOffsetof(String designator) { return rt.call(() -> type.offsetof(designator)); }

    @Export public boolean jIsComplete() { return type.isComplete(); }

    @Export public PyType jQualified(int bits) { return wrap(type.qualified(Qualifiers.of(bits))); }

    @Export public PyType jUnqualified() { return wrap(type.unqualified()); }

    @Export public PyMember jMember(String name) { return rt.call(() -> new PyMember(rt, prog, type.member(name))); }

    @Export public boolean jHasMember(String name) { return rt.call(() -> type.hasMember(name)); }

    @Export public String jTypeName() { return rt.call(() -> CTypePrinter.typeName(type)); }

    @Export public String jStr() { return rt.call(() -> CTypePrinter.definition(type)); }

    @Export public String jRepr() { return rt.call(() -> prog.repr().repr(type)); }

    /** drgn 0.0.22 compares types by identity. */
    @Export public boolean jSame(PyType other) { return other != null && other.type == type; }

    @Export public int jHash() { return System.identityHashCode(type); }

    static List<Type> unwrap(List<PyType> types) { return types.stream().map(PyType::type).toList(); }
}
