package org.jdrgn.objects;

import org.jdrgn.program.ProgramObjectContext;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdrgn.program.Platform;
import org.jdrgn.program.Program;
import org.jdrgn.types.ArrayType;
import org.jdrgn.types.BoolType;
import org.jdrgn.types.CompoundType;
import org.jdrgn.types.EnumType;
import org.jdrgn.types.FloatType;
import org.jdrgn.types.FunctionType;
import org.jdrgn.types.IntType;
import org.jdrgn.types.LazyType;
import org.jdrgn.types.PointerType;
import org.jdrgn.types.PrimitiveType;
import org.jdrgn.types.Qualifiers;
import org.jdrgn.types.Type;
import org.jdrgn.types.TypeEnumerator;
import org.jdrgn.types.TypeKind;
import org.jdrgn.types.TypeMember;
import org.jdrgn.types.TypeParameter;
import org.jdrgn.types.TypedefType;
import org.jdrgn.types.VoidType;

/**
 * The mock program of make_object_oracle.py, built in Java: the same memory (taken from the
 * oracle file's "memory" line), the same types and the same named objects.
 */
final class MockProgram {
    final Program program;
    final ProgramObjectContext ctx;
    final Map<String, Type> t = new HashMap<>();
    final Map<String, DrgnObject> o = new LinkedHashMap<>();
    final long base;

    MockProgram(long base, byte[] mem) {
        this.base = base;
        program = new Program(Platform.X86_64);
        program.addMemorySegment(base, mem.length, (address, count, offset, physical) -> {
            byte[] b = new byte[count];
            System.arraycopy(mem, (int) offset, b, 0, count);
            return b;
        }, false);
        ctx = new ProgramObjectContext(program);
        types();
        objects();
    }

    static MockProgram fromHex(long base, String hex) { return new MockProgram(base, HexFormat.of().parseHex(hex)); }

    private Type put(String name, Type type) {
        t.put(name, type);
        return type;
    }

    private static CompoundType struct(TypeKind kind, String tag, long size, TypeMember... members) {
        return CompoundType.of(kind, tag, size, List.of(members));
    }

    private static TypeMember m(Type type, String name, long bitOffset) { return new TypeMember(type, name, bitOffset); }

    private void types() {
        Type i = put("int", new IntType("int", 4, true));
        Type ui = put("uint", new IntType("unsigned int", 4, false));
        Type ch = put("char", new IntType("char", 1, true));
        put("schar", new IntType("signed char", 1, true));
        IntType uch = (IntType) put("uchar", new IntType("unsigned char", 1, false));
        Type sh = put("short", new IntType("short", 2, true));
        put("ushort", new IntType("unsigned short", 2, false));
        Type lg = put("long", new IntType("long", 8, true));
        put("ulong", new IntType("unsigned long", 8, false));
        put("llong", new IntType("long long", 8, true));
        Type ull = put("ullong", new IntType("unsigned long long", 8, false));
        put("bool", new BoolType("_Bool", 1));
        Type dbl = put("double", new FloatType("double", 8));
        Type flt = put("float", new FloatType("float", 4));
        put("u8", new IntType("uint8_t", 1, false));
        put("u32", new TypedefType("u32", ui));
        put("i64", new TypedefType("int64_t", lg));
        put("size_t", ctx.primitive(PrimitiveType.C_SIZE_T));
        put("void", VoidType.C);
        put("cint", i.qualified(Qualifiers.CONST));
        put("ptr_int", new PointerType(i));
        put("ptr_void", new PointerType(VoidType.C));
        put("ptr_char", new PointerType(ch));
        Type cp = put("ptr_cchar", new PointerType(ch.qualified(Qualifiers.CONST)));
        put("ptr_uchar", new PointerType(uch));
        put("ptr_ptr_int", new PointerType(t.get("ptr_int")));
        put("color", EnumType.of("color", (IntType) i, List.of(new TypeEnumerator("RED", 0),
                new TypeEnumerator("GREEN", 5), new TypeEnumerator("BLUE", -1))));
        put("small", EnumType.of("small_enum", uch, List.of(new TypeEnumerator("SMALL_A", 1),
                new TypeEnumerator("SMALL_B", 200))));
        put("ecount", EnumType.of("ecount", (IntType) ui, List.of(new TypeEnumerator("ZERO", 0),
                new TypeEnumerator("ONE", 1))));
        Type pt = put("point", struct(TypeKind.STRUCT, "point", 8, m(i, "x", 0), m(i, "y", 32)));
        Type rect = put("rect", struct(TypeKind.STRUCT, "rect", 24, m(pt, "tl", 0), m(pt, "br", 64), m(cp, "name", 128)));
        put("value", struct(TypeKind.UNION, "value", 8, m(t.get("i64"), "i", 0), m(dbl, "d", 0),
                m(new ArrayType(uch, 8L), "bytes", 0), m(pt, "p", 0)));
        put("flags", struct(TypeKind.STRUCT, "flags", 16, new TypeMember(ui, "ready", 0, 1),
                new TypeMember(ui, "mode", 1, 3), new TypeMember(i, "delta", 4, 5),
                new TypeMember(ull, "big", 64, 40), new TypeMember(t.get("color"), "c", 104, 8)));
        Type anonU = struct(TypeKind.UNION, null, 8, m(i, "i", 0), m(flt, "f", 0), m(cp, "s", 0));
        Type anonS = struct(TypeKind.STRUCT, null, 4, m(sh, "lo", 0), m(sh, "hi", 16));
        put("tagged", struct(TypeKind.STRUCT, "tagged", 24, m(i, "kind", 0), m(anonU, null, 64), m(anonS, null, 128)));
        put("list_head", struct(TypeKind.STRUCT, "list_head", 16,
                new TypeMember(LazyType.of(() -> new PointerType(t.get("list_head"))), "next", 0, 0),
                new TypeMember(LazyType.of(() -> new PointerType(t.get("list_head"))), "prev", 64, 0)));
        put("user_id_t", new TypedefType("user_id_t", new TypedefType("tc_id_t", t.get("u32"))));
        put("item", struct(TypeKind.STRUCT, "item", 48, m(t.get("user_id_t"), "id", 0),
                m(new ArrayType(ch, 12L), "name", 32), m(t.get("list_head"), "node", 128),
                new TypeMember(LazyType.of(() -> new PointerType(t.get("item"))), "hnext", 256, 0),
                m(new PointerType(i.qualified(Qualifiers.of(Qualifiers.CONST_BIT | Qualifiers.VOLATILE_BIT))), "cvp", 320)));
        put("foo", CompoundType.incomplete(TypeKind.STRUCT, "foo"));
        put("fn", new FunctionType(i, List.of(new TypeParameter(i, "a"), new TypeParameter(i, "b")), false));
        put("binop_fn", new TypedefType("binop_fn", new PointerType(t.get("fn"))));
        put("arr_int10", new ArrayType(i, 10L));
        put("arr_int", new ArrayType(i, null));
        put("arr_uchar4", new ArrayType(uch, 4L));
        put("arr_char16", new ArrayType(ch, 16L));
        put("arr_point3", new ArrayType(pt, 3L));
        put("matrix", new ArrayType(new ArrayType(i, 4L), 3L));
        put("arr_long40", new ArrayType(lg, 40L));
        put("arr_strs", new ArrayType(cp, 4L));
        put("arr_u8_4", new ArrayType(t.get("u8"), 4L));
        put("ptr_point", new PointerType(pt));
        put("ptr_rect", new PointerType(rect));
        put("ptr_foo", new PointerType(t.get("foo")));
        put("ptr_arr_int2", new PointerType(new ArrayType(i, 2L)));
        put("ptr_fn", new PointerType(t.get("fn")));
        put("ptr_item", new PointerType(t.get("item")));
    }

    private void ref(String name, String type, long off) { ref(name, type, off, 0, null); }

    private void ref(String name, String type, long off, long bitOffset, Long bitFieldSize) {
        o.put(name, DrgnObject.reference(ctx, t.get(type), base + off, bitOffset, bitFieldSize));
    }

    private void val(String name, String type, Object v) { val(name, type, v, null); }

    private void val(String name, String type, Object v, Long bitFieldSize) {
        o.put(name, DrgnObject.value(ctx, t.get(type), v, bitFieldSize));
    }

    /** A dict in Python's insertion order (drgn stores the members in that order). */
    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < kv.length; k += 2) m.put((String) kv[k], kv[k + 1]);
        return m;
    }

    private void objects() {
        ref("rect", "rect", 0x000); ref("flags", "flags", 0x080); ref("tag", "tagged", 0x0a0);
        o.put("tags", DrgnObject.reference(ctx, new ArrayType(t.get("tagged"), 2L), base + 0x0a0, 0, null));
        ref("arr10", "arr_int10", 0x0d0); ref("item0", "item", 0x100); ref("item1", "item", 0x140);
        ref("head", "list_head", 0x180); ref("gint", "int", 0x200); ref("gdbl", "double", 0x208);
        ref("val", "value", 0x210); ref("ucarr", "arr_uchar4", 0x220); ref("matrix", "matrix", 0x230);
        ref("big40", "arr_long40", 0x260); ref("strs", "arr_strs", 0x3a0); ref("esc", "arr_char16", 0x400);
        ref("gflt", "float", 0x410); ref("gneg", "long", 0x418); ref("u8arr", "arr_u8_4", 0x220);
        ref("foo", "foo", 0x000); ref("func", "fn", 0x000); ref("iarr", "arr_int", 0x0d0);
        ref("gcint", "cint", 0x200); ref("bfref", "uint", 0x080, 1, 3L);
        ref("gvoid", "void", 0x200); ref("gint_off", "int", 0x200, 12, null);
        val("i5", "int", 5L); val("in3", "int", -3L); val("imin", "int", -(1L << 31)); val("ui7", "uint", 7L);
        val("uimax", "uint", (1L << 32) - 1); val("sh2", "short", 2L); val("ush", "ushort", 65535L);
        val("ul1", "ulong", 1L); val("l9", "long", 9L); val("lmin", "long", Long.MIN_VALUE);
        val("ullmax", "ullong", new java.math.BigInteger("18446744073709551615"));
        val("b1", "bool", 1L); val("b5", "bool", 5L); val("e5", "color", 5L); val("eblue", "color", -1L);
        val("e3", "color", 3L); val("s200", "small", 200L); val("ec1", "ecount", 1L); val("d2", "double", 2.5);
        val("f1", "float", 1.5); val("dnan", "double", Double.NaN); val("dinf", "double", Double.NEGATIVE_INFINITY);
        val("dneg0", "double", -0.0); val("d1e20", "double", 1e20); val("dtenth", "double", 0.1);
        val("dtiny", "double", 1e-300); val("ch65", "char", 65L); val("uc200", "uchar", 200L); val("u8v", "u8", 200L);
        val("u32v", "u32", 7L); val("i64v", "i64", -5L); val("szt", "size_t", 10L);
        val("bf", "uint", 5L, 3L); val("bfs", "int", -3L, 5L);
        val("p", "ptr_int", base); val("p2", "ptr_int", base + 8); val("vp", "ptr_void", base);
        val("cp", "ptr_char", base + 0x64); val("nullp", "ptr_point", 0L); val("badp", "ptr_int", 8L);
        val("rectp", "ptr_rect", base); val("foop", "ptr_foo", base); val("parr", "ptr_arr_int2", base);
        val("fnp", "ptr_fn", base); val("binop", "binop_fn", base); val("pp", "ptr_ptr_int", base + 8);
        val("itemp", "ptr_item", base + 0x100); val("ucp", "ptr_uchar", base + 0x64);
        val("ptv", "point", Map.of("x", 1L, "y", 2L)); val("pt0", "point", Map.of()); val("ptx0", "point", Map.of("y", 3L));
        val("arrv", "arr_int10", List.of(1L, 2L, 3L, 0L, 5L)); val("zeros", "arr_int10", List.of());
        val("pts", "arr_point3", List.of(Map.of("x", 1L, "y", 2L), Map.of("x", 3L, "y", 4L)));
        val("big40v", "arr_long40", java.util.stream.LongStream.rangeClosed(1, 40).boxed().toList());
        val("flagsv", "flags", ordered("ready", 1L, "mode", 5L, "delta", -3L, "big", 0x123456789aL, "c", -1L));
        val("tagv", "tagged", ordered("kind", 1L, "i", -17L, "lo", 3L, "hi", 4L));
        o.put("absent_int", DrgnObject.absent(ctx, t.get("int"), null));
        o.put("absent_pt", DrgnObject.absent(ctx, t.get("point"), null));
        o.put("absent_p", DrgnObject.absent(ctx, t.get("ptr_int"), null));
        o.put("absent_bf", DrgnObject.absent(ctx, t.get("int"), 4L));
        o.put("void_obj", DrgnObject.absent(ctx, t.get("void"), null));
    }
}
