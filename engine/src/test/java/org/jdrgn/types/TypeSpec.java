package org.jdrgn.types;

import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds a Java {@link Type} from the S-expression spec that make_type_oracle.py prints next
 * to each drgn type, so the test constructs exactly what drgn's constructors were given.
 * Member types are built lazily; {@code (self)} refers to the enclosing struct.
 */
final class TypeSpec {
    private final String src;
    private int pos;

    private TypeSpec(String src) { this.src = src; }

    static Type build(String spec) {
        Object tree = new TypeSpec(spec).read();
        return type(tree, new AtomicReference<>());
    }

    // ---- S-expression reader: lists, "strings", and atoms ----
    private Object read() {
        skipSpace();
        char c = src.charAt(pos);
        if (c == '(') {
            pos++;
            List<Object> list = new ArrayList<>();
            while (true) {
                skipSpace();
                if (src.charAt(pos) == ')') { pos++; return list; }
                list.add(read());
            }
        }
        if (c == '"') {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (src.charAt(pos) != '"') {
                if (src.charAt(pos) == '\\') pos++;
                sb.append(src.charAt(pos++));
            }
            pos++;
            return new Str(sb.toString());
        }
        int start = pos;
        while (pos < src.length() && " ()".indexOf(src.charAt(pos)) < 0) pos++;
        return src.substring(start, pos);
    }

    private void skipSpace() {
        while (src.charAt(pos) == ' ') pos++;
    }

    record Str(String s) {}

    // ---- tree to Type ----
    @SuppressWarnings("unchecked")
    private static Type type(Object tree, AtomicReference<Type> self) {
        List<Object> l = (List<Object>) tree;
        String head = (String) l.get(0);
        return switch (head) {
            case "self" -> self.get();
            case "void" -> new VoidType(q(l, 1), lang(l, 2));
            case "int" -> new IntType(str(l.get(1)), num(l.get(2)), num(l.get(3)) != 0, bo(l, 6), q(l, 4), lang(l, 5));
            case "bool" -> new BoolType(str(l.get(1)), num(l.get(2)), bo(l, 5), q(l, 3), lang(l, 4));
            case "float" -> new FloatType(str(l.get(1)), num(l.get(2)), bo(l, 5), q(l, 3), lang(l, 4));
            case "struct", "union", "class" -> compound(l, self);
            case "enum" -> {
                String tag = strOrNull(l.get(1));
                if ("nil".equals(l.get(2))) yield new EnumType(tag, null, null, q(l, 4), lang(l, 5));
                IntType compat = (IntType) type(l.get(2), self);
                List<TypeEnumerator> ens = new ArrayList<>();
                for (Object o : (List<Object>) l.get(3)) {
                    List<Object> e = (List<Object>) o;
                    ens.add(new TypeEnumerator(str(e.get(1)), new BigInteger((String) e.get(2)).longValue()));
                }
                yield new EnumType(tag, compat, ens, q(l, 4), lang(l, 5));
            }
            case "typedef" -> new TypedefType(str(l.get(1)), type(l.get(2), self), q(l, 3), lang(l, 4));
            case "ptr" -> new PointerType(type(l.get(1), self), num(l.get(2)), bo(l, 5), q(l, 3), lang(l, 4));
            case "array" -> new ArrayType(type(l.get(1), self), "nil".equals(l.get(2)) ? null : num(l.get(2)), q(l, 3), lang(l, 4));
            case "func" -> {
                List<TypeParameter> ps = new ArrayList<>();
                for (Object o : (List<Object>) l.get(2)) {
                    List<Object> p = (List<Object>) o;
                    ps.add(new TypeParameter(type(p.get(1), self), strOrNull(p.get(2))));
                }
                yield new FunctionType(type(l.get(1), self), ps, num(l.get(3)) != 0, List.of(), q(l, 4), lang(l, 5));
            }
            default -> throw new IllegalArgumentException("bad spec head " + head);
        };
    }

    @SuppressWarnings("unchecked")
    private static Type compound(List<Object> l, AtomicReference<Type> outerSelf) {
        TypeKind kind = TypeKind.valueOf(((String) l.get(0)).toUpperCase());
        String tag = strOrNull(l.get(1));
        if ("nil".equals(l.get(2))) return new CompoundType(kind, tag, null, null, List.of(), q(l, 4), lang(l, 5));
        AtomicReference<Type> self = new AtomicReference<>();
        List<TypeMember> members = new ArrayList<>();
        for (Object o : (List<Object>) l.get(3)) {
            List<Object> m = (List<Object>) o;
            Object typeTree = m.get(1);
            members.add(new TypeMember(LazyType.of(() -> type(typeTree, self)), strOrNull(m.get(2)),
                    num(m.get(3)), num(m.get(4))));
        }
        CompoundType c = new CompoundType(kind, tag, num(l.get(2)), members, List.of(), q(l, 4), lang(l, 5));
        self.set(c);
        return c;
    }

    private static Qualifiers q(List<Object> l, int i) {
        return Qualifiers.of(Integer.parseInt(((String) l.get(i)).substring(1)));
    }

    private static Language lang(List<Object> l, int i) {
        return "cpp".equals(l.get(i)) ? Language.CPP : Language.C;
    }

    private static ByteOrder bo(List<Object> l, int i) {
        return "big".equals(l.get(i)) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    private static long num(Object o) { return Long.parseLong((String) o); }

    private static String str(Object o) { return ((Str) o).s(); }

    private static String strOrNull(Object o) { return "nil".equals(o) ? null : str(o); }
}
