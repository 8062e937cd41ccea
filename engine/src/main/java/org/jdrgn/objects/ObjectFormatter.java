package org.jdrgn.objects;

import static org.jdrgn.objects.FormatOptions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdrgn.error.FaultException;
import org.jdrgn.error.TypeErrorException;
import org.jdrgn.elf.Symbol;
import org.jdrgn.types.ArrayType;
import org.jdrgn.types.BoolType;
import org.jdrgn.types.CompoundType;
import org.jdrgn.types.EnumType;
import org.jdrgn.types.FloatType;
import org.jdrgn.types.FunctionType;
import org.jdrgn.types.IntType;
import org.jdrgn.types.PointerType;
import org.jdrgn.types.Type;
import org.jdrgn.types.TypeEnumerator;
import org.jdrgn.types.TypeMember;
import org.jdrgn.types.VoidType;

/**
 * drgn's C formatting of objects ({@code str()} and {@code format_()}): a type-name cast,
 * then the value as a C literal or initializer. Initializers go on one line when asked for and
 * when they fit in the columns left; otherwise one initializer per line (several per line
 * when same-line packing is on), indented with tabs counted as 8 columns.
 */
final class ObjectFormatter {
    private ObjectFormatter() {}

    static String format(DrgnObject o, FormatOptions options) {
        StringBuilder sb = new StringBuilder();
        format(o, 0, options.columns(), options.columns(), options.flags(), sb);
        return sb.toString();
    }

    private static int memberFlags(int f) {
        return (f & ~(DEREFERENCE | TYPE_NAME)) | ((f & MEMBER_TYPE_NAMES) != 0 ? TYPE_NAME : 0);
    }

    private static int elementFlags(int f) {
        return (f & ~(DEREFERENCE | TYPE_NAME)) | ((f & ELEMENT_TYPE_NAMES) != 0 ? TYPE_NAME : 0);
    }

    static void format(DrgnObject o, int indent, long oneLine, long multiLine, int flags, StringBuilder sb) {
        if (o.u instanceof PointerType p) {
            formatPointer(o, p, indent, oneLine, multiLine, flags, sb);
            return;
        }
        if (o.u instanceof VoidType) throw new TypeErrorException("cannot format void object");
        if ((flags & TYPE_NAME) != 0) {
            int start = sb.length();
            sb.append('(').append(o.type.typeName()).append(')');
            oneLine = Math.max(0, oneLine - (sb.length() - start));
        }
        if (o.kind == ObjectKind.ABSENT) {
            sb.append("<absent>");
            return;
        }
        switch (o.u) {
            case VoidType v -> throw new TypeErrorException("cannot format void object");
            case IntType t -> formatInt(o, flags, sb);
            case BoolType t -> formatInt(o, flags, sb);
            case FloatType t -> sb.append(FloatFormat.format(o.doubleValue()));
            case EnumType e -> formatEnum(o, e, sb);
            case CompoundType c -> formatCompound(o, c, indent, oneLine, multiLine, flags, sb);
            case ArrayType a -> formatArray(o, a, indent, oneLine, multiLine, flags, sb);
            case FunctionType f -> sb.append("0x").append(Long.toHexString(o.bits));
            default -> throw new TypeErrorException("cannot format " + o.type.typeName() + " object");
        }
    }

    private static void formatInt(DrgnObject o, int flags, StringBuilder sb) {
        DrgnObject v = o.read();
        if ((flags & CHAR) != 0 && ObjectAccess.isCharacter(o.ctx, o.type.underlying()) && o.bitFieldSize == 0) {
            CStrings.appendChar(sb, (int) v.bits);
        } else if (v.enc == Encoding.BIG) {
            sb.append(v.value());
        } else if (v.enc == Encoding.SIGNED) {
            sb.append(v.bits);
        } else {
            sb.append(Long.toUnsignedString(v.bits));
        }
    }

    private static void formatEnum(DrgnObject o, EnumType e, StringBuilder sb) {
        long v = o.longValue();
        if (e.enumerators() != null) {
            for (TypeEnumerator en : e.enumerators()) {
                if (en.value() == v) {
                    sb.append(en.name());
                    return;
                }
            }
        }
        sb.append(e.isSigned() ? Long.toString(v) : Long.toUnsignedString(v));
    }

    private static boolean canDereference(Type referenced) {
        Type r = referenced.underlying();
        return !(r instanceof VoidType) && !(r instanceof FunctionType) && r.isComplete();
    }

    private static void formatPointer(DrgnObject o, PointerType p, int indent, long oneLine, long multiLine,
                                      int flags, StringBuilder sb) {
        int start = sb.length();
        boolean cString = (flags & STRING) != 0 && ObjectAccess.isCharacter(o.ctx, p.referenced());
        boolean deref = (flags & DEREFERENCE) != 0 && !cString && canDereference(p.referenced())
                && o.kind != ObjectKind.ABSENT;
        if (deref) sb.append('*');
        if ((flags & TYPE_NAME) != 0) sb.append('(').append(o.type.typeName()).append(')');
        if (o.kind == ObjectKind.ABSENT) {
            sb.append("<absent>");
            return;
        }
        long value = o.longValue();
        if ((flags & SYMBOLIZE) != 0) {
            Optional<Symbol> sym = o.ctx.symbol(value);
            if (sym.isPresent()) {
                sb.append(sym.get().name()).append("+0x").append(Long.toHexString(value - sym.get().address()))
                        .append(" = ");
            }
        }
        sb.append("0x").append(Long.toHexString(value));
        if (cString) {
            int mark = sb.length();
            try {
                byte[] s = ObjectAccess.readCString(o.ctx, value, ObjectAccess.MAX_STRING);
                sb.append(" = ");
                CStrings.appendString(sb, s, s.length);
            } catch (FaultException e) {
                sb.setLength(mark);
            }
        } else if (deref) {
            int mark = sb.length();
            sb.append(" = ");
            try {
                format(ObjectAccess.derefUnchecked(o), indent, Math.max(0, oneLine - (sb.length() - start)), multiLine,
                        flags & ~(DEREFERENCE | TYPE_NAME), sb);
            } catch (FaultException e) {
                sb.setLength(mark);
                sb.deleteCharAt(start);
            }
        }
    }

    /** One initializer of a struct or array: its designation (".x = ", "[3] = ", or "") and value. */
    private record Item(String designation, DrgnObject obj, int flags) {}

    private static boolean isZero(DrgnObject v) {
        if (v.enc == Encoding.FLOAT) return Double.longBitsToDouble(v.bits) == 0.0;
        if (v.buf == null) return v.bits == 0;
        for (byte b : v.buf) if (b != 0) return false;
        return true;
    }

    private static void formatCompound(DrgnObject o, CompoundType c, int indent, long oneLine, long multiLine,
                                       int flags, StringBuilder sb) {
        if (c.members() == null)
            throw new TypeErrorException("cannot format incomplete " + c.kind().spelling() + " object");
        DrgnObject v = o.read();
        List<Item> items = new ArrayList<>();
        addMembers(v, c, 0, flags, items);
        initializer(items, indent, oneLine, multiLine, (flags & MEMBERS_SAME_LINE) != 0, sb);
    }

    private static void addMembers(DrgnObject v, CompoundType c, long base, int flags, List<Item> items) {
        int mflags = memberFlags(flags);
        for (TypeMember m : c.members()) {
            // unnamed members are flattened into designated initializers; without names they nest
            if (m.name() == null && (flags & MEMBER_NAMES) != 0
                    && m.type().underlying() instanceof CompoundType inner && inner.members() != null) {
                addMembers(v, inner, base + m.bitOffset(), flags, items);
                continue;
            }
            DrgnObject mv = ObjectAccess.slice(v, m.type(), base + m.bitOffset(), m.bitFieldSize());
            if ((flags & IMPLICIT_MEMBERS) == 0 && isZero(mv)) continue;
            String d = (flags & MEMBER_NAMES) != 0 && m.name() != null ? "." + m.name() + " = " : "";
            items.add(new Item(d, mv, mflags));
        }
    }

    private static void formatArray(DrgnObject o, ArrayType a, int indent, long oneLine, long multiLine,
                                    int flags, StringBuilder sb) {
        if (a.length() == null) {
            sb.append("{}");
            return;
        }
        Type element = a.element();
        if ((flags & STRING) != 0 && ObjectAccess.isCharacter(o.ctx, element)) {
            byte[] b = o.read().buf;
            int n = 0;
            while (n < b.length && b[n] != 0) n++;
            CStrings.appendString(sb, b, n);
            return;
        }
        DrgnObject v = o.read();
        long size = element.sizeof() * 8;
        int n = (int) (long) a.length();
        List<DrgnObject> elems = new ArrayList<>(n);
        for (int i = 0; i < n; i++) elems.add(ObjectAccess.slice(v, element, i * size, 0));
        boolean implicit = (flags & IMPLICIT_ELEMENTS) != 0;
        boolean indices = (flags & ELEMENT_INDICES) != 0;
        if (!implicit) while (n > 0 && isZero(elems.get(n - 1))) n--;
        int eflags = elementFlags(flags);
        List<Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (indices && !implicit && isZero(elems.get(i))) continue;
            items.add(new Item(indices ? "[" + i + "] = " : "", elems.get(i), eflags));
        }
        initializer(items, indent, oneLine, multiLine, (flags & ELEMENTS_SAME_LINE) != 0, sb);
    }

    private static void tabs(StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) sb.append('\t');
    }

    private static boolean hasNewline(StringBuilder sb, int from) {
        for (int i = from; i < sb.length(); i++) if (sb.charAt(i) == '\n') return true;
        return false;
    }

    private static void initializer(List<Item> items, int indent, long oneLine, long multiLine, boolean sameLine,
                                    StringBuilder sb) {
        int brace = sb.length();
        sb.append('{');
        if (items.isEmpty()) {
            sb.append('}');
            return;
        }
        if (sameLine && tryOneLine(items, indent, oneLine, sb)) return;
        sb.setLength(brace + 1);
        long start = 8L * (indent + 1);
        long remaining = Math.max(0, multiLine - start);
        long lineLeft = 0;   // columns left on the current line after its last initializer's comma
        boolean lineOpen = false;
        for (Item it : items) {
            if (sameLine && lineOpen) {
                int mark = sb.length();
                sb.append(' ');
                int s = sb.length();
                sb.append(it.designation);
                format(it.obj, indent + 1, Math.max(0, lineLeft - 2), 0, it.flags, sb);
                long len = sb.length() - s;
                if (len + 2 <= lineLeft && !hasNewline(sb, s)) {
                    sb.append(',');
                    lineLeft -= len + 2;
                    continue;
                }
                sb.setLength(mark);
            }
            sb.append('\n');
            tabs(sb, indent + 1);
            int s = sb.length();
            sb.append(it.designation);
            format(it.obj, indent + 1, Math.max(0, remaining - 1 - it.designation.length()), multiLine, it.flags, sb);
            long len = sb.length() - s;
            sb.append(',');
            lineOpen = !hasNewline(sb, s);
            lineLeft = lineOpen ? remaining - len - 1 : 0;
        }
        sb.append('\n');
        tabs(sb, indent);
        sb.append('}');
    }

    /** Appends " a, b }" if every initializer fits on this line; false (output unspecified) if not. */
    private static boolean tryOneLine(List<Item> items, int indent, long oneLine, StringBuilder sb) {
        long remaining = Math.max(0, oneLine - 1);
        for (Item it : items) {
            if (remaining < 4) return false;   // no room for " x }"
            sb.append(' ');
            remaining--;
            int s = sb.length();
            sb.append(it.designation);
            format(it.obj, indent + 1, remaining - 2, 0, it.flags, sb);
            long len = sb.length() - s;
            if (len > remaining - 2 || hasNewline(sb, s)) return false;
            sb.append(',');
            remaining -= len + 1;
        }
        sb.setCharAt(sb.length() - 1, ' ');
        sb.append('}');
        return true;
    }
}
