package org.jdrgn.lang.python;

import java.nio.ByteOrder;
import java.util.List;
import org.graalvm.polyglot.HostAccess.Export;
import org.jdrgn.error.AttributeException;
import org.jdrgn.types.ArrayType;
import org.jdrgn.types.BoolType;
import org.jdrgn.types.CTypePrinter;
import org.jdrgn.types.CompoundType;
import org.jdrgn.types.EnumType;
import org.jdrgn.types.FloatType;
import org.jdrgn.types.FunctionType;
import org.jdrgn.types.IntType;
import org.jdrgn.types.PointerType;
import org.jdrgn.types.PrimitiveType;
import org.jdrgn.types.Qualifiers;
import org.jdrgn.types.Type;
import org.jdrgn.types.TypeEnumerator;
import org.jdrgn.types.TypeRepr;
import org.jdrgn.types.TypedefType;

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

    private AttributeException lacks(String what) {
        return new AttributeException(type.kind().spelling() + " type does not have " + what);
    }

    @Export public PyProgram jProg() { return prog; }

    @Export public int jKind() { return type.kind().value(); }

    @Export public int jPrimitive() {
        PrimitiveType p = type.primitive();
        return p == null ? -1 : p.value();
    }

    @Export public int jQualifiers() { return type.qualifiers().bits(); }

    @Export public String jLanguage() { return type.language().name(); }

    @Export public String jName() {
        return rt.call(() -> switch (type) {
            case IntType t -> t.name();
            case BoolType t -> t.name();
            case FloatType t -> t.name();
            case TypedefType t -> t.name();
            default -> throw lacks("a name");
        });
    }

    @Export public String jTag() {
        return rt.call(() -> switch (type) {
            case CompoundType t -> t.tag();
            case EnumType t -> t.tag();
            default -> throw lacks("a tag");
        });
    }

    @Export public Object jSize() {
        return rt.call(() -> switch (type) {
            case IntType t -> (Object) t.size();
            case BoolType t -> t.size();
            case FloatType t -> t.size();
            case PointerType t -> t.size();
            case CompoundType t -> t.size();
            default -> throw lacks("a size");
        });
    }

    @Export public Object jLength() {
        return rt.call(() -> {
            if (type instanceof ArrayType a) return a.length();
            throw lacks("a length");
        });
    }

    @Export public boolean jIsSigned() {
        return rt.call(() -> {
            if (type instanceof IntType t) return t.isSigned();
            throw lacks("a signedness");
        });
    }

    @Export public String jByteOrder() {
        return rt.call(() -> {
            ByteOrder o = switch (type) {
                case IntType t -> t.byteOrder();
                case BoolType t -> t.byteOrder();
                case FloatType t -> t.byteOrder();
                case PointerType t -> t.byteOrder();
                default -> throw lacks("a byte order");
            };
            return o == ByteOrder.LITTLE_ENDIAN ? "little" : "big";
        });
    }

    @Export public PyType jType() {
        return rt.call(() -> wrap(switch (type) {
            case TypedefType t -> t.aliased();
            case PointerType t -> t.referenced();
            case ArrayType t -> t.element();
            case FunctionType t -> t.returnType();
            case EnumType t when t.compatibleType() != null -> t.compatibleType();
            case EnumType t -> throw new AttributeException("enum type does not have an underlying type");
            default -> throw lacks("an underlying type");
        }));
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
