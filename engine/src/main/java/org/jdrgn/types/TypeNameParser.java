package org.jdrgn.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jdrgn.error.LookupException;

/**
 * drgn 0.0.22's C type-name parser, for {@code prog.type(name, filename)}: a specifier list
 * (base-type keywords in any order, qualifiers, {@code struct tag}, a typedef name) and an
 * abstract declarator of pointers, arrays and parentheses. As in drgn, function declarators
 * are a SyntaxError ("function pointer types are not implemented"), the named type is looked
 * up before the declarator is parsed, and a missing one is a LookupError naming the whole
 * input ("could not find 'struct foo *'"). Primitives the finder does not know come from
 * {@link DefaultPrimitives}.
 */
public final class TypeNameParser {
    private final TypeFinder finder;
    private final DefaultPrimitives defaults;

    public TypeNameParser(TypeFinder finder, DefaultPrimitives defaults) {
        this.finder = Objects.requireNonNull(finder, "finder");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
    }

    /** Parses {@code name}; {@code filename} (may be null) restricts where named types come from. */
    public Type parse(String name, String filename) {
        CLexer lexer = new CLexer(name);
        Type base = specifiers(lexer, name, filename);
        UnaryOperator<Type> declarator = UnaryOperator.identity();
        CToken t = lexer.peek();
        if (startsDeclarator(t)) {
            declarator = abstractDeclarator(lexer);
        } else if (!t.is(CToken.Kind.EOF)) {
            throw new CSyntaxException("expected abstract declarator", t.position());
        }
        t = lexer.peek();
        if (!t.is(CToken.Kind.EOF)) throw new CSyntaxException("extra tokens after type name", t.position());
        return declarator.apply(base);
    }

    /** The qualified base type; looks it up as soon as the specifier list ends. */
    private Type specifiers(CLexer lexer, String input, String filename) {
        SpecifierState state = new SpecifierState();
        int qualifiers = 0;
        TypeKind tagKind = null;
        String tagOrTypedef = null;
        // each iteration consumes a token of a finite string
        while (true) {
            CToken t = lexer.peek();
            int q = qualifierBit(t);
            if (q != 0) {
                qualifiers |= q;
                lexer.next();
                continue;
            }
            if (t.is(CToken.Kind.KEYWORD) && PrimitiveNames.isSpecifierWord(t.text())) {
                if (tagOrTypedef != null) {
                    throw new CSyntaxException("cannot combine '" + t.text() + "' with "
                            + (tagKind != null ? "'" + tagKind.spelling() + "'" : "identifier"), t.position());
                }
                state.add(t.text(), t.position());
                lexer.next();
                continue;
            }
            if (t.isKeyword("_Complex")) {
                throw new CSyntaxException("cannot combine '_Complex' with '" + state.spelling() + "'", t.position());
            }
            if (t.isKeyword("struct") || t.isKeyword("union") || t.isKeyword("enum")) {
                if (!state.isEmpty() || tagOrTypedef != null) {
                    throw new CSyntaxException("cannot combine '" + t.text() + "' with "
                            + (tagKind != null ? "'" + tagKind.spelling() + "'"
                               : tagOrTypedef != null ? "identifier" : "'" + state.spelling() + "'"), t.position());
                }
                lexer.next();
                CToken id = lexer.next();
                if (!id.is(CToken.Kind.IDENTIFIER))
                    throw new CSyntaxException("expected identifier after '" + t.text() + "'", id.position());
                tagKind = TypeKind.valueOf(t.text().toUpperCase());
                tagOrTypedef = id.text();
                continue;
            }
            if (t.is(CToken.Kind.IDENTIFIER) && state.isEmpty() && tagOrTypedef == null) {
                tagOrTypedef = t.text();
                lexer.next();
                continue;
            }
            break;
        }
        Type type;
        if (tagKind != null) {
            type = notFound(finder.find(tagKind, tagOrTypedef, filename), input, filename);
        } else if (tagOrTypedef != null) {
            type = finder.find(TypeKind.TYPEDEF, tagOrTypedef, filename);
            if (type == null && tagOrTypedef.equals("size_t")) type = defaultTypedef(PrimitiveType.C_SIZE_T, filename);
            if (type == null && tagOrTypedef.equals("ptrdiff_t")) type = defaultTypedef(PrimitiveType.C_PTRDIFF_T, filename);
            notFound(type, input, filename);
        } else if (!state.isEmpty()) {
            type = primitive(state.primitive(), null); // drgn ignores the filename for base types
        } else {
            throw new CSyntaxException("expected type specifier", lexer.peek().position());
        }
        return qualifiers == 0 ? type : type.qualified(type.qualifiers().plus(Qualifiers.of(qualifiers)));
    }

    /** A primitive from the program's types if it has one, else the platform default. */
    public Type primitive(PrimitiveType p, String filename) {
        if (p == PrimitiveType.C_VOID) return VoidType.C;
        if (p.kind() == TypeKind.TYPEDEF) {
            Type t = finder.find(TypeKind.TYPEDEF, p.spelling(), filename);
            return t != null ? t : defaultTypedef(p, filename);
        }
        Type t = finder.find(p.kind(), p.spelling(), filename);
        return t != null ? t : defaults.get(p);
    }

    private Type defaultTypedef(PrimitiveType p, String filename) {
        PrimitiveType target = p == PrimitiveType.C_SIZE_T ? PrimitiveType.C_UNSIGNED_LONG : PrimitiveType.C_LONG;
        return new TypedefType(p.spelling(), primitive(target, filename));
    }

    private static Type notFound(Type t, String input, String filename) {
        if (t != null) return t;
        throw new LookupException("could not find '" + input + "'" + (filename == null ? "" : " in '" + filename + "'"));
    }

    private static boolean startsDeclarator(CToken t) {
        return t.is(CToken.Kind.ASTERISK) || t.is(CToken.Kind.LPAREN) || t.is(CToken.Kind.LBRACKET);
    }

    private static int qualifierBit(CToken t) {
        if (!t.is(CToken.Kind.KEYWORD)) return 0;
        return switch (t.text()) {
            case "const" -> Qualifiers.CONST_BIT;
            case "volatile" -> Qualifiers.VOLATILE_BIT;
            case "restrict" -> Qualifiers.RESTRICT_BIT;
            case "_Atomic" -> Qualifiers.ATOMIC_BIT;
            default -> 0;
        };
    }

    /**
     * pointer* direct-abstract-declarator?, as a function from the type on its left to the
     * declared type: stars apply first, then array suffixes (rightmost innermost), then the
     * parenthesized inner declarator.
     */
    private UnaryOperator<Type> abstractDeclarator(CLexer lexer) {
        List<Integer> stars = new ArrayList<>();
        while (lexer.peek().is(CToken.Kind.ASTERISK)) {
            lexer.next();
            int q = 0;
            for (int bit; (bit = qualifierBit(lexer.peek())) != 0; lexer.next()) q |= bit;
            stars.add(q);
        }
        UnaryOperator<Type> inner = UnaryOperator.identity();
        if (lexer.peek().is(CToken.Kind.LPAREN)) {
            lexer.next();
            CToken t = lexer.peek();
            if (!startsDeclarator(t)) throw functionTypes(t);
            inner = abstractDeclarator(lexer);
            CToken close = lexer.next();
            if (!close.is(CToken.Kind.RPAREN)) throw new CSyntaxException("expected ')'", close.position());
        }
        List<Long> dims = new ArrayList<>(); // null entry: incomplete array
        while (true) {
            CToken t = lexer.peek();
            if (t.is(CToken.Kind.LPAREN)) throw functionTypes(t);
            if (!t.is(CToken.Kind.LBRACKET)) break;
            lexer.next();
            Long length = null;
            if (lexer.peek().is(CToken.Kind.NUMBER)) length = lexer.next().value();
            CToken close = lexer.next();
            if (!close.is(CToken.Kind.RBRACKET)) throw new CSyntaxException("expected ']'", close.position());
            dims.add(length);
        }
        final UnaryOperator<Type> innerFinal = inner;
        int pointerSize = defaults.pointerSize();
        return base -> {
            Type t = base;
            for (int q : stars) {
                t = new PointerType(t, pointerSize, defaults.byteOrder(), Qualifiers.of(q), Language.C);
            }
            for (int i = dims.size() - 1; i >= 0; i--) t = new ArrayType(t, dims.get(i));
            return innerFinal.apply(t);
        };
    }

    private static CSyntaxException functionTypes(CToken at) {
        return new CSyntaxException("function pointer types are not implemented", at.position());
    }
}
