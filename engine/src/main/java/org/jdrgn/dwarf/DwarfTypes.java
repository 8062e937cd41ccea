package org.jdrgn.dwarf;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jdrgn.bytes.Cursor;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.types.ArrayType;
import org.jdrgn.types.BoolType;
import org.jdrgn.types.CompoundType;
import org.jdrgn.types.EnumType;
import org.jdrgn.types.FloatType;
import org.jdrgn.types.FunctionType;
import org.jdrgn.types.IntType;
import org.jdrgn.types.Language;
import org.jdrgn.types.LazyType;
import org.jdrgn.types.PointerType;
import org.jdrgn.types.Qualifiers;
import org.jdrgn.types.Type;
import org.jdrgn.types.TypeEnumerator;
import org.jdrgn.types.TypeKind;
import org.jdrgn.types.TypeMember;
import org.jdrgn.types.TypeParameter;
import org.jdrgn.types.TypedefType;
import org.jdrgn.types.VoidType;

/**
 * DIE -> {@link Type}, memoized per DIE. Member and parameter types are lazy, so recursive
 * structs terminate; other reference cycles (a corrupt typedef to itself) are FormatExceptions.
 * A struct/union/class/enum declaration is completed through {@code definitions} (the name
 * index: the complete type of that name in any unit), as drgn does.
 */
public final class DwarfTypes {
    private static final int ATE_boolean = 2, ATE_complex_float = 3, ATE_float = 4, ATE_signed = 5,
            ATE_signed_char = 6, ATE_unsigned = 7, ATE_unsigned_char = 8, ATE_UTF = 0x10;

    private final ConcurrentHashMap<DieRef, Type> cache = new ConcurrentHashMap<>();
    private final Function<Die, Die> definitions;
    private final ThreadLocal<Set<DieRef>> inProgress = ThreadLocal.withInitial(HashSet::new);

    /** @param definitions the complete definition of a declaration DIE, or null if none (may itself be null) */
    public DwarfTypes(Function<Die, Die> definitions) {
        this.definitions = definitions == null ? d -> null : definitions;
    }

    /**
     * The type a DIE's DW_AT_type names; void if it has none. A definition that names its
     * declaration with DW_AT_specification (most kernel globals) has the declaration's type.
     */
    public Type typeOf(Die die) {
        for (int depth = 0; depth < 4 && !die.has(DwAt.type) && die.has(DwAt.specification); depth++) {
            die = die.ref(DwAt.specification);
        }
        Die t = die.ref(DwAt.type);
        return t == null ? new VoidType(Qualifiers.NONE, language(die.unit())) : type(t);
    }

    /** The type a type DIE describes. */
    public Type type(Die die) {
        DieRef key = die.ref();
        Type t = cache.get(key);
        if (t != null) return t;
        Set<DieRef> busy = inProgress.get();
        if (!busy.add(key)) throw new FormatException(die.unit().section().what(), die.offset(), "type reference cycle");
        try {
            t = build(die);
        } finally {
            busy.remove(key);
        }
        Type prev = cache.putIfAbsent(key, t);
        return prev != null ? prev : t;
    }

    private Type build(Die d) {
        Unit u = d.unit();
        Language lang = language(u);
        ByteOrder order = u.section().order();
        return switch (d.tag()) {
            case DwTag.base_type -> base(d, lang, order);
            case DwTag.const_type -> qualify(typeOf(d), Qualifiers.CONST_BIT);
            case DwTag.volatile_type -> qualify(typeOf(d), Qualifiers.VOLATILE_BIT);
            case DwTag.restrict_type -> qualify(typeOf(d), Qualifiers.RESTRICT_BIT);
            case DwTag.atomic_type -> qualify(typeOf(d), Qualifiers.ATOMIC_BIT);
            case DwTag.pointer_type, DwTag.reference_type, DwTag.rvalue_reference_type -> {
                Long size = d.unsigned(DwAt.byte_size);
                yield new PointerType(typeOf(d), size != null ? size : u.encoding().addressSize(), order, Qualifiers.NONE, lang);
            }
            case DwTag.typedef -> new TypedefType(d.name(), typeOf(d), Qualifiers.NONE, lang);
            case DwTag.array_type -> array(d, lang);
            case DwTag.structure_type -> compound(d, TypeKind.STRUCT, lang);
            case DwTag.union_type -> compound(d, TypeKind.UNION, lang);
            case DwTag.class_type -> compound(d, TypeKind.CLASS, lang);
            case DwTag.enumeration_type -> enumType(d, lang, order);
            case DwTag.subroutine_type, DwTag.subprogram -> function(d, lang);
            case DwTag.unspecified_type -> new VoidType(Qualifiers.NONE, lang);
            default -> throw new FormatException(u.section().what(), d.offset(), "not a type: " + DwNames.tag(d.tag()));
        };
    }

    private static Type qualify(Type t, int bit) { return t.qualified(Qualifiers.of(t.qualifiers().bits() | bit)); }

    private static Type base(Die d, Language lang, ByteOrder order) {
        String name = d.name();
        Long size = d.unsigned(DwAt.byte_size);
        Long enc = d.unsigned(DwAt.encoding);
        if (name == null || size == null || enc == null)
            throw new FormatException(d.unit().section().what(), d.offset(), "DW_TAG_base_type without name, size or encoding");
        return switch (enc.intValue()) {
            case ATE_boolean -> new BoolType(name, size, order, Qualifiers.NONE, lang);
            case ATE_float, ATE_complex_float -> new FloatType(name, size, order, Qualifiers.NONE, lang);
            case ATE_signed, ATE_signed_char -> new IntType(name, size, true, order, Qualifiers.NONE, lang);
            case ATE_unsigned, ATE_unsigned_char, ATE_UTF -> new IntType(name, size, false, order, Qualifiers.NONE, lang);
            default -> throw new FormatException(d.unit().section().what(), d.offset(), "unknown DW_ATE 0x" + Long.toHexString(enc));
        };
    }

    private Type array(Die d, Language lang) {
        List<Long> dims = new ArrayList<>();
        for (Die c : d.children()) {
            if (c.tag() != DwTag.subrange_type && c.tag() != DwTag.enumeration_type) continue;
            Long count = c.unsigned(DwAt.count);
            if (count == null) {
                Long ub = c.has(DwAt.upper_bound) ? c.signed(DwAt.upper_bound) : null;
                Long lb = c.has(DwAt.lower_bound) ? c.signed(DwAt.lower_bound) : 0L;
                count = ub == null ? null : ub + 1 - (lb == null ? 0 : lb);
            }
            dims.add(count);
        }
        if (dims.isEmpty()) dims.add(null);
        Type t = typeOf(d);
        Collections.reverse(dims);
        for (Long n : dims) t = new ArrayType(t, n == null ? null : Math.max(0, n), Qualifiers.NONE, lang);
        return t;
    }

    private Type compound(Die d, TypeKind kind, Language lang) {
        String tag = d.name();
        if (d.flag(DwAt.declaration)) {
            Die def = definitions.apply(d);
            if (def != null && def.tag() == d.tag() && !def.flag(DwAt.declaration)) return type(def);
            return new CompoundType(kind, tag, null, null, List.of(), Qualifiers.NONE, lang);
        }
        Long size = d.unsigned(DwAt.byte_size);
        List<TypeMember> members = new ArrayList<>();
        for (Die m : d.children()) {
            if (m.tag() != DwTag.member) continue;
            members.add(member(m, d.unit().section().order()));
        }
        return new CompoundType(kind, tag, size == null ? 0 : size, members, List.of(), Qualifiers.NONE, lang);
    }

    private TypeMember member(Die m, ByteOrder order) {
        long bitSize = m.unsigned(DwAt.bit_size) == null ? 0 : m.unsigned(DwAt.bit_size);
        long bitOffset;
        if (m.has(DwAt.data_bit_offset)) {
            bitOffset = m.unsigned(DwAt.data_bit_offset);
        } else {
            long byteOff = memberLocation(m);
            bitOffset = byteOff * 8;
            Long oldBitOffset = m.unsigned(DwAt.bit_offset);
            if (oldBitOffset != null) {
                // DWARF 2/3: counted from the most significant bit of the storage unit
                Long storage = m.unsigned(DwAt.byte_size);
                long unitBits = 8 * (storage != null ? storage : typeOf(m).sizeof());
                bitOffset += order == ByteOrder.LITTLE_ENDIAN ? unitBits - oldBitOffset - bitSize : oldBitOffset;
            }
        }
        Die typeDie = m.ref(DwAt.type);
        LazyType lt = typeDie == null ? LazyType.of(new VoidType(Qualifiers.NONE, language(m.unit()))) : LazyType.of(() -> type(typeDie));
        return new TypeMember(lt, m.name(), bitOffset, bitSize);
    }

    private static long memberLocation(Die m) {
        return switch (m.value(DwAt.data_member_location)) {
            case null -> 0;
            case AttrValue.Data x -> x.value();
            case AttrValue.Sdata x -> x.value();
            case AttrValue.Exprloc e -> plusUconst(m, e.expr());
            case AttrValue.Block b -> plusUconst(m, b.data());
            default -> throw new FormatException(m.unit().section().what(), m.offset(), "unsupported DW_AT_data_member_location form");
        };
    }

    /** The only expression compilers emit for member offsets: DW_OP_plus_uconst N (or DW_OP_constu N). */
    private static long plusUconst(Die m, org.jdrgn.bytes.ByteSlice expr) {
        Cursor c = new Cursor(expr, 0);
        int op = c.u8();
        if ((op == DwOp.plus_uconst || op == DwOp.constu) ) {
            long v = c.uleb128();
            if (c.atEnd()) return v;
        }
        throw new FormatException(m.unit().section().what(), m.offset(), "unsupported DW_AT_data_member_location expression");
    }

    private Type enumType(Die d, Language lang, ByteOrder order) {
        String tag = d.name();
        if (d.flag(DwAt.declaration)) {
            Die def = definitions.apply(d);
            if (def != null && def.tag() == d.tag() && !def.flag(DwAt.declaration)) return type(def);
            return new EnumType(tag, null, null, Qualifiers.NONE, lang);
        }
        IntType compat = null;
        if (d.has(DwAt.type) && typeOf(d).underlying() instanceof IntType it) compat = it;
        List<Die> kids = d.children().stream().filter(c -> c.tag() == DwTag.enumerator).toList();
        boolean signed = compat != null ? compat.isSigned()
                : kids.stream().anyMatch(k -> k.value(DwAt.const_value) instanceof AttrValue.Sdata s && s.value() < 0);
        if (compat == null) {
            Long size = d.unsigned(DwAt.byte_size);
            long sz = size == null ? 4 : size;
            compat = new IntType(signed ? (sz == 8 ? "long" : "int") : (sz == 8 ? "unsigned long" : "unsigned int"),
                    sz, signed, order, Qualifiers.NONE, lang);
        }
        List<TypeEnumerator> enums = new ArrayList<>();
        for (Die k : kids) {
            long v = switch (k.value(DwAt.const_value)) {
                case AttrValue.Data x -> signed ? x.signed() : x.value();
                case AttrValue.Sdata x -> x.value();
                case null, default -> throw new FormatException(k.unit().section().what(), k.offset(), "enumerator without a constant value");
            };
            enums.add(new TypeEnumerator(k.name(), v));
        }
        return new EnumType(tag, compat, enums, Qualifiers.NONE, lang);
    }

    private Type function(Die d, Language lang) {
        List<TypeParameter> params = new ArrayList<>();
        boolean variadic = false;
        for (Die c : d.children()) {
            if (c.tag() == DwTag.formal_parameter) {
                Die t = c.ref(DwAt.type);
                params.add(new TypeParameter(t == null ? LazyType.of(new VoidType(Qualifiers.NONE, lang)) : LazyType.of(() -> type(t)), c.name()));
            } else if (c.tag() == DwTag.unspecified_parameters) {
                variadic = true;
            }
        }
        return new FunctionType(typeOf(d), params, variadic, List.of(), Qualifiers.NONE, lang);
    }

    private static Language language(Unit u) {
        return switch (u.language()) {
            case 0x04, 0x19, 0x1a, 0x21 -> Language.CPP;
            default -> Language.C;
        };
    }
}
