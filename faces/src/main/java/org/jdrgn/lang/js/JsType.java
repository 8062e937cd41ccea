package org.jdrgn.lang.js;

import org.graalvm.polyglot.HostAccess.Export;
import org.jdrgn.lang.TypeAttributes;
import org.jdrgn.types.CTypePrinter;
import org.jdrgn.types.CompoundType;
import org.jdrgn.types.EnumType;
import org.jdrgn.types.FunctionType;
import org.jdrgn.types.PrimitiveType;
import org.jdrgn.types.Qualifiers;
import org.jdrgn.types.Type;
import org.jdrgn.types.TypeMember;
import org.jdrgn.types.TypeParameter;

/**
 * The Java object behind a JS {@code drgn.Type}: attributes and errors are the engine's
 * ({@link TypeAttributes}: "int type does not have members"); sizes cross as longs.
 */
public final class JsType {
    final JsProgram prog;
    final Type type;

    JsType(JsProgram prog, Type type) {
        this.prog = prog;
        this.type = type;
    }

    public Type type() { return type; }

    private JsRuntime rt() { return prog.rt; }

    private JsType wrap(Type t) { return new JsType(prog, t); }

    @Export public int kind() { return type.kind().value(); }

    @Export public int primitive() {
        PrimitiveType p = type.primitive();
        return p == null ? -1 : p.value();
    }

    @Export public int qualifiers() { return type.qualifiers().bits(); }

    @Export public String language() { return type.language().name(); }

    @Export public String name() { return rt().call(() -> TypeAttributes.name(type)); }

    @Export public String tag() { return rt().call(() -> TypeAttributes.tag(type)); }

    @Export public Long size() { return rt().call(() -> TypeAttributes.size(type)); }

    @Export public Long length() { return rt().call(() -> TypeAttributes.length(type)); }

    @Export public boolean isSigned() { return rt().call(() -> TypeAttributes.isSigned(type)); }

    @Export public String byteOrder() { return rt().call(() -> TypeAttributes.byteOrder(type)); }

    @Export public JsType underlying() { return rt().call(() -> wrap(TypeAttributes.underlying(type))); }

    /** Members of a struct, union or class; null when the type is incomplete. */
    @Export public JsTypeMember[] members() {
        return rt().call(() -> {
            if (!(type instanceof CompoundType c)) throw TypeAttributes.lacks(type, "members");
            return c.members() == null ? null : c.members().stream().map(this::member).toArray(JsTypeMember[]::new);
        });
    }

    private JsTypeMember member(TypeMember m) { return new JsTypeMember(prog, m); }

    /** [name, value] pairs; values as longs (enums wider than 63 bits unsigned come back negative). */
    @Export public Object[] enumerators() {
        return rt().call(() -> {
            if (!(type instanceof EnumType e)) throw TypeAttributes.lacks(type, "enumerators");
            return e.enumerators() == null ? null
                    : e.enumerators().stream().map(x -> new Object[] {x.name(), x.value()}).toArray();
        });
    }

    /** [name, type] pairs of a function type's parameters. */
    @Export public Object[] parameters() {
        return rt().call(() -> {
            if (!(type instanceof FunctionType f)) throw TypeAttributes.lacks(type, "parameters");
            return f.parameters().stream().map((TypeParameter p) -> new Object[] {p.name(), wrap(p.type())}).toArray();
        });
    }

    @Export public boolean isVariadic() {
        return rt().call(() -> {
            if (type instanceof FunctionType f) return f.isVariadic();
            throw TypeAttributes.lacks(type, "a variadic flag");
        });
    }

    @Export public long sizeof() { return rt().call(type::sizeof); }

    @Export public long alignof() { return rt().call(type::alignof); }

    @Export public long offsetof(String designator) { return rt().call(() -> type.offsetof(designator)); }

    @Export public boolean isComplete() { return type.isComplete(); }

    @Export public JsType qualified(int bits) { return wrap(type.qualified(Qualifiers.of(bits))); }

    @Export public JsType unqualified() { return wrap(type.unqualified()); }

    @Export public JsTypeMember member(String name) { return rt().call(() -> member(type.member(name))); }

    @Export public boolean hasMember(String name) { return rt().call(() -> type.hasMember(name)); }

    @Export public String typeName() { return rt().call(() -> CTypePrinter.typeName(type)); }

    @Export public String str() { return rt().call(() -> CTypePrinter.definition(type)); }

    /** drgn 0.0.22 compares types by identity. */
    @Export public boolean same(JsType other) { return other != null && other.type == type; }
}
