package org.jdrgn.variables;

import java.util.OptionalLong;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.dwarf.Die;

/** What evaluating a variable's location in a frame may ask of the frame (see {@link LocationEvaluator}). */
public interface LocationContext {
    /** A register (DWARF number) in this frame; empty if not recoverable here. */
    OptionalLong register(int dwarfRegister);

    /** An unsigned little-endian value of 1..8 bytes; FaultException if unreadable. */
    long read(long address, int size);

    /** The module's load bias, added to DW_OP_addr / addrx operands. */
    long bias();

    /** The frame's canonical frame address (DW_OP_call_frame_cfa), if known. */
    OptionalLong cfa();

    /** The value of the enclosing function's DW_AT_frame_base (DW_OP_fbreg), if known. */
    OptionalLong frameBase();

    /** The value {@code expr} had on entry to the function (DW_OP_entry_value), from the caller's call site; empty if unknown. */
    OptionalLong entryValue(ByteSlice expr);

    /** The value the caller passed for a formal parameter (DW_OP_GNU_parameter_ref); empty if unknown. */
    OptionalLong parameterValue(Die parameter);

    /** The address of a thread-local variable at {@code offset} in the module's TLS block; empty if unknown. */
    OptionalLong tlsAddress(long offset);
}
