package org.jdrgn.types;

import java.nio.ByteOrder;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * drgn's {@code repr(type)}: the constructor call that rebuilds the type, e.g.
 * {@code prog.int_type(name='int', size=4, is_signed=True)}. Size and byte order are left out
 * when they are the program's defaults, so the printer needs them.
 */
public record TypeRepr(long defaultPointerSize, ByteOrder defaultByteOrder) {
    public static final TypeRepr X86_64 = new TypeRepr(8, ByteOrder.LITTLE_ENDIAN);

    public String repr(Type type) {
        return switch (type) {
            case VoidType v -> call("void_type", type);
            case IntType t -> call("int_type", type, "name=" + pyStr(t.name()), "size=" + t.size(),
                    "is_signed=" + pyBool(t.isSigned()), byteOrderArg(t.byteOrder()));
            case BoolType t -> call("bool_type", type, "name=" + pyStr(t.name()), "size=" + t.size(),
                    byteOrderArg(t.byteOrder()));
            case FloatType t -> call("float_type", type, "name=" + pyStr(t.name()), "size=" + t.size(),
                    byteOrderArg(t.byteOrder()));
            case CompoundType c -> call(c.kind().spelling() + "_type", type, "tag=" + pyStrOrNone(c.tag()),
                    "size=" + (c.size() == null ? "None" : c.size().toString()),
                    "members=" + (c.members() == null ? "None" : tuple(c.members(), this::repr)));
            case EnumType e -> call("enum_type", type, "tag=" + pyStrOrNone(e.tag()),
                    "type=" + (e.compatibleType() == null ? "None" : repr(e.compatibleType())),
                    "enumerators=" + (e.enumerators() == null ? "None"
                            : tuple(e.enumerators(), en -> repr(en, e.isSigned()))));
            case TypedefType t -> call("typedef_type", type, "name=" + pyStr(t.name()), "type=" + repr(t.aliased()));
            case PointerType p -> call("pointer_type", type, "type=" + repr(p.referenced()),
                    p.size() == defaultPointerSize ? null : "size=" + p.size(), byteOrderArg(p.byteOrder()));
            case ArrayType a -> call("array_type", type, "type=" + repr(a.element()),
                    "length=" + (a.length() == null ? "None" : Long.toUnsignedString(a.length())));
            case FunctionType f -> call("function_type", type, "type=" + repr(f.returnType()),
                    "parameters=" + tuple(f.parameters(), this::repr), "is_variadic=" + pyBool(f.isVariadic()));
        };
    }

    /** {@code TypeMember(prog.type('int'), name='a', bit_offset=0)}; bit fields as an Object. */
    public String repr(TypeMember m) {
        String typeName = pyStr(CTypePrinter.typeName(m.type()));
        String first = m.isBitField()
                ? "Object(prog, " + typeName + ", bit_field_size=" + m.bitFieldSize() + ")"
                : "prog.type(" + typeName + ")";
        return "TypeMember(" + first + (m.name() == null ? "" : ", name=" + pyStr(m.name()))
                + ", bit_offset=" + m.bitOffset() + ")";
    }

    public String repr(TypeParameter p) {
        return "TypeParameter(prog.type(" + pyStr(CTypePrinter.typeName(p.type())) + ")"
                + (p.name() == null ? "" : ", name=" + pyStr(p.name())) + ")";
    }

    public String repr(TypeEnumerator e, boolean signed) {
        return "TypeEnumerator(" + pyStr(e.name()) + ", " + e.bigValue(signed) + ")";
    }

    /** Python's repr of a Qualifiers flag: {@code <Qualifiers.CONST|VOLATILE: 3>}. */
    public static String qualifiersRepr(Qualifiers q) {
        if (q.isEmpty()) return "<Qualifiers.NONE: 0>";
        StringJoiner j = new StringJoiner("|", "<Qualifiers.", ": " + q.bits() + ">");
        if (q.isConst()) j.add("CONST");
        if (q.isVolatile()) j.add("VOLATILE");
        if (q.isRestrict()) j.add("RESTRICT");
        if (q.isAtomic()) j.add("ATOMIC");
        return j.toString();
    }

    /** Python's repr of a str: single quotes unless the text has ' and no ". */
    public static String pyStr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c == quote) sb.append('\\').append(c);
                    else if (c < 0x20 || c == 0x7f) sb.append(String.format("\\x%02x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append(quote).toString();
    }

    private static String pyStrOrNone(String s) { return s == null ? "None" : pyStr(s); }

    private static String pyBool(boolean b) { return b ? "True" : "False"; }

    private String byteOrderArg(ByteOrder order) {
        if (order.equals(defaultByteOrder)) return null;
        return "byteorder=" + (order.equals(ByteOrder.BIG_ENDIAN) ? "'big'" : "'little'");
    }

    private static <T> String tuple(List<T> items, Function<T, String> f) {
        if (items.size() == 1) return "(" + f.apply(items.get(0)) + ",)";
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (T item : items) j.add(f.apply(item));
        return j.toString();
    }

    /** prog.&lt;ctor&gt;(args..., qualifiers=..., language=...), skipping null args. */
    private static String call(String ctor, Type type, String... args) {
        StringJoiner j = new StringJoiner(", ", "prog." + ctor + "(", ")");
        for (String a : args) if (a != null) j.add(a);
        if (!type.qualifiers().isEmpty()) j.add("qualifiers=" + qualifiersRepr(type.qualifiers()));
        if (type.language() != Language.C) j.add("language=Language." + type.language().name());
        return j.toString();
    }
}
