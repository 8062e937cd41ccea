package org.jdrgn.unwind;

/** What a DWARF expression may ask of the frame it is evaluated in. */
public interface ExpressionContext {
    /** The value of a register (DWARF number) in this frame; UnwindException if it is not known. */
    long register(int dwarfRegister);

    /** An unsigned little-endian value of {@code size} (1..8) bytes; FaultException if unreadable. */
    long read(long address, int size);
}
