package org.jdrgn.types;

import java.util.List;
import org.jdrgn.error.ValueErrorException;

/**
 * Formats types as C the way drgn 0.0.22 does: {@link #typeName} is {@code type_name()},
 * {@link #definition} is {@code str(type)}. Declarators are built inside out (a pointer to an
 * array or function is parenthesized; a function's parameter list follows its return type's
 * declaration), which reproduces drgn's output including its spelling of functions returning
 * function pointers ({@code int (*(*))(int)(long)}). Array qualifiers are not printed, as in drgn.
 */
public final class CTypePrinter {
    private CTypePrinter() {}

    /** drgn's {@code type_name()}: no bodies, anonymous types as {@code struct <anonymous>}. */
    public static String typeName(Type type) {
        return declaration(type, "", 0, false);
    }

    /**
     * drgn's {@code str(type)}: a complete struct, union, class or enum with its body, a
     * complete typedef as {@code typedef <declaration>}, anything else by its type name.
     *
     * @throws ValueErrorException "function type cannot be formatted" for a function type
     */
    public static String definition(Type type) {
        return switch (type) {
            case FunctionType f -> throw new ValueErrorException("function type cannot be formatted");
            case CompoundType c when c.members() != null -> specifier(c, 0, true);
            case EnumType e when e.enumerators() != null -> specifier(e, 0, true);
            case TypedefType t when t.isComplete() ->
                    qualifierPrefix(t.qualifiers()) + "typedef " + declaration(t.aliased(), t.name(), 0, true);
            default -> typeName(type);
        };
    }

    /**
     * Declares {@code declarator} (a name, or "" for an abstract declarator) of this type.
     *
     * @param indent       tab depth of the line the declaration starts on (for bodies)
     * @param defineAnon   print the body of an anonymous struct/union/enum (true for a member
     *                     or typedef whose type is that anonymous type itself)
     */
    static String declaration(Type type, String declarator, int indent, boolean defineAnon) {
        return switch (type) {
            case PointerType p -> {
                String q = p.qualifiers().cSpelling();
                String d = "*" + (q.isEmpty() ? declarator
                        : " " + q + (declarator.isEmpty() ? "" : " " + declarator));
                if (p.referenced() instanceof ArrayType || p.referenced() instanceof FunctionType) d = "(" + d + ")";
                yield declaration(p.referenced(), d, indent, false);
            }
            case ArrayType a -> declaration(a.element(),
                    declarator + "[" + (a.length() == null ? "" : Long.toUnsignedString(a.length())) + "]", indent, false);
            case FunctionType f -> {
                String head = declaration(f.returnType(), declarator, indent, false);
                yield head + (declarator.isEmpty() ? " " : "") + parameterList(f);
            }
            default -> {
                String spec = specifier(type, indent, defineAnon && isAnonymous(type));
                yield declarator.isEmpty() ? spec : spec + " " + declarator;
            }
        };
    }

    private static String parameterList(FunctionType f) {
        List<TypeParameter> params = f.parameters();
        if (params.isEmpty()) return f.isVariadic() ? "()" : "(void)";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) sb.append(", ");
            TypeParameter p = params.get(i);
            sb.append(declaration(p.type(), p.name() == null ? "" : p.name(), 0, false));
        }
        if (f.isVariadic()) sb.append(", ...");
        return sb.append(')').toString();
    }

    private static boolean isAnonymous(Type t) {
        return switch (t) {
            case CompoundType c -> c.tag() == null && c.members() != null;
            case EnumType e -> e.tag() == null && e.enumerators() != null;
            default -> false;
        };
    }

    /** The qualifiers and base name, with the body when {@code withBody}. */
    private static String specifier(Type type, int indent, boolean withBody) {
        String prefix = qualifierPrefix(type.qualifiers());
        return prefix + switch (type) {
            case VoidType v -> "void";
            case IntType t -> t.name();
            case BoolType t -> t.name();
            case FloatType t -> t.name();
            case TypedefType t -> t.name();
            case CompoundType c -> withBody
                    ? c.kind().spelling() + (c.tag() == null ? "" : " " + c.tag()) + " " + compoundBody(c, indent)
                    : c.kind().spelling() + " " + (c.tag() == null ? "<anonymous>" : c.tag());
            case EnumType e -> withBody
                    ? "enum" + (e.tag() == null ? "" : " " + e.tag()) + " " + enumBody(e, indent)
                    : "enum " + (e.tag() == null ? "<anonymous>" : e.tag());
            default -> throw new IllegalStateException("not a specifier: " + type.kind());
        };
    }

    private static String compoundBody(CompoundType c, int indent) {
        StringBuilder sb = new StringBuilder("{\n");
        for (TypeMember m : c.members()) {
            tabs(sb, indent + 1);
            sb.append(declaration(m.type(), m.name() == null ? "" : m.name(), indent + 1, true));
            if (m.isBitField()) sb.append(" : ").append(m.bitFieldSize());
            sb.append(";\n");
        }
        tabs(sb, indent);
        return sb.append('}').toString();
    }

    private static String enumBody(EnumType e, int indent) {
        StringBuilder sb = new StringBuilder("{\n");
        for (TypeEnumerator en : e.enumerators()) {
            tabs(sb, indent + 1);
            sb.append(en.name()).append(" = ").append(en.bigValue(e.isSigned())).append(",\n");
        }
        tabs(sb, indent);
        return sb.append('}').toString();
    }

    private static String qualifierPrefix(Qualifiers q) {
        String s = q.cSpelling();
        return s.isEmpty() ? "" : s + " ";
    }

    private static void tabs(StringBuilder sb, int n) {
        sb.append("\t".repeat(n));
    }
}
