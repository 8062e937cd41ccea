package org.jdrgn.types;

import java.util.List;
import org.jdrgn.error.LookupException;
import org.jdrgn.error.TypeErrorException;
import org.jdrgn.error.ValueErrorException;

/** Member lookup through unnamed members, and offsetof designators, with drgn's errors. */
final class MemberLookup {
    private MemberLookup() {}

    // Anonymous members nest a handful deep in practice; this bounds a malformed cyclic type.
    private static final int MAX_DEPTH = 64;

    static TypeMember member(Type type, String name) {
        CompoundType c = compound(type);
        TypeMember m = c.members() == null ? null : find(c.members(), name, 0, 0);
        if (m == null) throw noMember(type, name);
        return m;
    }

    static boolean hasMember(Type type, String name) {
        CompoundType c = compound(type);
        return c.members() != null && find(c.members(), name, 0, 0) != null;
    }

    /** drgn's offsetof: "a.b[3].c" in bytes; ValueError if the result is not byte-aligned. */
    static long offsetof(Type type, String designator) {
        CLexer lexer = new CLexer(designator);
        CToken t = lexer.next();
        if (!t.is(CToken.Kind.IDENTIFIER)) throw new CSyntaxException("expected identifier", t.position());
        TypeMember m = member(type, t.text());
        long bitOffset = m.bitOffset();
        Type current = m.type();
        // each iteration consumes at least one token of a finite string
        while (true) {
            t = lexer.next();
            if (t.is(CToken.Kind.EOF)) break;
            if (t.is(CToken.Kind.DOT)) {
                CToken id = lexer.next();
                if (!id.is(CToken.Kind.IDENTIFIER))
                    throw new CSyntaxException("expected identifier after '.'", id.position());
                TypeMember inner = member(current, id.text());
                bitOffset += inner.bitOffset();
                current = inner.type();
            } else if (t.is(CToken.Kind.LBRACKET)) {
                CToken num = lexer.next();
                if (!num.is(CToken.Kind.NUMBER))
                    throw new CSyntaxException("expected number after '['", num.position());
                CToken close = lexer.next();
                if (!close.is(CToken.Kind.RBRACKET))
                    throw new CSyntaxException("expected ']' after number", close.position());
                if (!(current.underlying() instanceof ArrayType a))
                    throw new TypeErrorException("'" + current.typeName() + "' is not an array");
                long elementBits = Math.multiplyExact(a.element().sizeof(), 8L);
                bitOffset = Math.addExact(bitOffset, Math.multiplyExact(num.value(), elementBits));
                current = a.element();
            } else {
                throw new CSyntaxException("expected '.' or '[' after member", t.position());
            }
        }
        if ((bitOffset & 7) != 0) throw new ValueErrorException("member is not byte-aligned");
        return bitOffset >>> 3;
    }

    private static CompoundType compound(Type type) {
        if (type.underlying() instanceof CompoundType c) return c;
        throw new TypeErrorException("'" + type.typeName() + "' is not a structure, union, or class");
    }

    private static LookupException noMember(Type type, String name) {
        return new LookupException("'" + type.typeName() + "' has no member '" + name + "'");
    }

    /** First member named {@code name}, searching unnamed members depth-first in order. */
    private static TypeMember find(List<TypeMember> members, String name, long base, int depth) {
        if (depth > MAX_DEPTH) return null;
        for (TypeMember m : members) {
            if (name.equals(m.name())) return m.shifted(base);
            if (m.name() == null && m.type().underlying() instanceof CompoundType c && c.members() != null) {
                TypeMember found = find(c.members(), name, base + m.bitOffset(), depth + 1);
                if (found != null) return found;
            }
        }
        return null;
    }
}
