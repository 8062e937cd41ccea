package org.jdrgn.objects;

import java.nio.ByteOrder;
import java.util.Optional;
import org.jdrgn.error.FaultException;
import org.jdrgn.elf.Symbol;
import org.jdrgn.types.PrimitiveType;
import org.jdrgn.types.Type;
import org.jdrgn.types.TypeMember;

/**
 * What objects need from their program: word size and byte order, memory, types by name,
 * the C primitives (for literals and arithmetic results) and symbols (to print function
 * pointers). Kept small so objects do not depend on how a Program finds its types.
 * Implementations must return the same {@link Type} instance for a primitive every time
 * (types compare by identity).
 */
public interface ObjectContext {
    /** Pointer size in bytes (4 or 8). */
    int wordSize();

    ByteOrder byteOrder();

    /** Reads target memory; FaultException names the first unreadable address. */
    void read(long address, byte[] dst, int off, int len) throws FaultException;

    /** drgn's {@code prog.type(name)}; LookupException when there is none. */
    Type type(String name);

    /** The program's type for a C primitive ("int", "unsigned long", "ptrdiff_t", ...). */
    Type primitive(PrimitiveType p);

    /** The symbol containing an address, if any (used by the {@code symbolize} format option). */
    Optional<Symbol> symbol(long address);

    /** A pointer type to {@code referenced} for this platform (drgn's {@code prog.pointer_type}). */
    Type pointerTo(Type referenced);

    /**
     * Member lookup through unnamed members ({@link Type#member}); implementations may cache
     * the answer per type since types are immutable and compare by identity.
     */
    default TypeMember member(Type compound, String name) { return compound.member(name); }

    /** {@link Type#primitive()}, which parses the type's name; implementations may cache it. */
    default PrimitiveType primitiveOf(Type type) { return type.primitive(); }
}
