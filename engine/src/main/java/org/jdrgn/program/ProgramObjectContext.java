package org.jdrgn.program;

import org.jdrgn.elf.Symbol;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdrgn.error.LookupException;

import org.jdrgn.objects.ObjectContext;
import org.jdrgn.types.DefaultPrimitives;
import org.jdrgn.types.Language;
import org.jdrgn.types.PointerType;
import org.jdrgn.types.PrimitiveType;
import org.jdrgn.types.Qualifiers;
import org.jdrgn.types.Type;
import org.jdrgn.types.TypeFinder;
import org.jdrgn.types.TypeMember;
import org.jdrgn.types.TypeNameParser;

/**
 * {@link ObjectContext} over a {@link Program}: memory and symbols from the program, types
 * from a {@link TypeFinder} (the DWARF index once it exists) with drgn's default primitives
 * for what the finder does not know. Primitives and member lookups are cached here.
 */
public final class ProgramObjectContext implements ObjectContext {
    private final Program program;
    private final TypeFinder finder;
    private final DefaultPrimitives defaults;
    private final TypeNameParser parser;
    private final Map<PrimitiveType, Type> primitives = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Type, Map<String, TypeMember>> members = new ConcurrentHashMap<>();
    private final Map<Type, Optional<PrimitiveType>> primitiveOf = new ConcurrentHashMap<>();

    public ProgramObjectContext(Program program, TypeFinder finder) {
        this.program = program;
        this.finder = finder;
        var platform = program.platform();
        this.defaults = platform == null ? DefaultPrimitives.X86_64
                : new DefaultPrimitives(platform.wordSize(),
                        platform.isLittleEndian() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        this.parser = new TypeNameParser(finder, defaults);
    }

    /** A context over the program's own types ({@link Program#types()}: DWARF, then defaults). */
    public ProgramObjectContext(Program program) { this(program, program.types()); }

    public Program program() { return program; }

    private Type findPrimitive(PrimitiveType p) {
        Type t = p == PrimitiveType.C_VOID ? null : finder.find(p.kind(), p.spelling(), null);
        return t != null ? t : defaults.get(p);
    }

    @Override public int wordSize() { return defaults.pointerSize(); }

    @Override public ByteOrder byteOrder() { return defaults.byteOrder(); }

    @Override
    public void read(long address, byte[] dst, int off, int len) {
        program.read(address, dst, off, len, false);
    }

    @Override
    public Type type(String name) {
        Type t = parser.parse(name, null);
        if (t == null) throw new LookupException("could not find '" + name + "'");
        return t;
    }

    /** Looked up once per primitive (lazily: debug info may be loaded after this context is made). */
    @Override public Type primitive(PrimitiveType p) { return primitives.computeIfAbsent(p, this::findPrimitive); }

    @Override
    public Optional<Symbol> symbol(long address) {
        // No exception on the normal path: most pointers printed have no symbol.
        return program.target().symbolAt(address);
    }

    @Override
    public Type pointerTo(Type referenced) {
        return new PointerType(referenced, wordSize(), byteOrder(), Qualifiers.NONE,
                referenced.language() == null ? Language.C : referenced.language());
    }

    @Override
    public PrimitiveType primitiveOf(Type type) {
        Optional<PrimitiveType> p = primitiveOf.get(type);
        if (p == null) {
            p = Optional.ofNullable(type.primitive());
            primitiveOf.put(type, p);
        }
        return p.orElse(null);
    }

    @Override
    public TypeMember member(Type compound, String name) {
        Map<String, TypeMember> byName = members.computeIfAbsent(compound, k -> new ConcurrentHashMap<>());
        TypeMember m = byName.get(name);
        if (m == null) {
            m = compound.member(name);  // throws drgn's LookupError when absent; not cached
            byName.put(name, m);
        }
        return m;
    }
}
