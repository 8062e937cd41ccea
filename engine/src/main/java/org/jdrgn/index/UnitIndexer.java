package org.jdrgn.index;

import org.jdrgn.dwarf.Die;
import org.jdrgn.dwarf.DieScanner;
import org.jdrgn.dwarf.DwAt;
import org.jdrgn.dwarf.DwTag;
import org.jdrgn.dwarf.Unit;
import org.jdrgn.dwarf.VariableLocation;

/**
 * Indexes one unit: top-level types, variables and functions; enumerators inside enums; static
 * variables inside functions (also in nested lexical blocks). Everything else is stepped over
 * with DW_AT_sibling or fixed-size skipping, without decoding.
 */
final class UnitIndexer {
    private enum Ctx { NONE, ENUM, FUNCTION }

    private UnitIndexer() {}

    /** {@code source}: the entries' source id; {@code file}: tells apart files indexed together (string sections). */
    static void index(Unit unit, int source, int file, Batch out) {
        DieScanner s = new DieScanner(unit);
        if (!s.next()) return;
        out.dies++;
        if (!s.hasChildren()) return;
        Ctx ctx = Ctx.NONE;
        long enumOffset = 0;
        int enumIndex = 0;
        // the scanner only moves forward: bounded by the unit size
        while (s.next()) {
            out.dies++;
            int depth = s.depth();
            if (depth < 1) break;
            if (depth == 1) {
                ctx = Ctx.NONE;
                IndexKind kind = IndexKind.ofTag(s.tag());
                if (kind == null) {
                    s.skipChildren();
                    continue;
                }
                topLevel(s, kind, source, file, out);
                if (kind == IndexKind.ENUM && s.hasChildren()) {
                    ctx = Ctx.ENUM;
                    enumOffset = s.offset();
                    enumIndex = 0;
                } else if (kind == IndexKind.FUNCTION && s.hasChildren()) {
                    ctx = Ctx.FUNCTION;
                } else {
                    s.skipChildren();
                }
            } else if (ctx == Ctx.ENUM) {
                if (depth == 2 && s.tag() == DwTag.enumerator) {
                    int name = out.nameId(s, file);
                    if (name >= 0) out.addEnumerator(name, EntryCodec.packEnumerator(enumOffset, source, enumIndex));
                    enumIndex++;
                }
                s.skipChildren();
            } else if (ctx == Ctx.FUNCTION) {
                switch (s.tag()) {
                    case DwTag.variable -> {
                        functionStatic(s, source, file, out);
                        s.skipChildren();
                    }
                    case DwTag.lexical_block, DwTag.subprogram -> { } // descend: statics may be nested
                    default -> s.skipChildren();
                }
            } else {
                s.skipChildren();
            }
        }
    }

    private static void topLevel(DieScanner s, IndexKind kind, int source, int file, Batch out) {
        s.scan();
        int name = out.nameId(s, file);
        boolean external = s.isExternal();
        if (name < 0) {
            if (kind != IndexKind.VARIABLE && kind != IndexKind.FUNCTION) return;
            // a definition that names its declaration (extern then defined; out-of-line instance)
            Die spec = s.specification();
            if (spec == null) return;
            for (int i = 0; i < 8 && spec != null && spec.name() == null; i++) {
                spec = spec.has(DwAt.specification) ? spec.ref(DwAt.specification) : spec.ref(DwAt.abstract_origin);
            }
            if (spec == null || (name = out.nameId(spec.name())) < 0) return;
            external |= spec.flag(DwAt.external);
        }
        int flags = (s.isDeclaration() ? EntryCodec.DECLARATION : 0) | (external ? EntryCodec.EXTERNAL : 0);
        if (kind == IndexKind.VARIABLE && VariableLocation.of(s.locationExpression(), s.unit()) instanceof VariableLocation.ThreadLocal) {
            flags |= EntryCodec.TLS;
        }
        out.add(name, EntryCodec.pack(s.offset(), source, kind, flags));
    }

    private static void functionStatic(DieScanner s, int source, int file, Batch out) {
        s.scan();
        VariableLocation loc = VariableLocation.of(s.locationExpression(), s.unit());
        if (!(loc instanceof VariableLocation.Address) && !(loc instanceof VariableLocation.ThreadLocal)) return;
        int name = out.nameId(s, file);
        if (name < 0) {
            Die spec = s.specification();
            if (spec == null || (name = out.nameId(spec.name())) < 0) return;
        }
        int flags = loc instanceof VariableLocation.ThreadLocal ? EntryCodec.TLS : 0;
        out.add(name, EntryCodec.pack(s.offset(), source, IndexKind.FUNCTION_STATIC, flags));
    }
}
