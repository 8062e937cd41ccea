package org.jdrgn.variables;

import java.util.List;
import org.jdrgn.dwarf.DieRef;
import org.jdrgn.objects.AbsenceReason;

/** Where a variable's value is in a frame: what a DWARF location description evaluates to. */
public sealed interface Location {
    /** In memory at this (run-time) address. */
    record Address(long address) implements Location {}

    /** In a register: its value in the frame, little-endian. */
    record RegisterValue(int dwarfRegister, byte[] value) implements Location {}

    /** Nowhere but known: DW_OP_implicit_value bytes, or a DW_OP_stack_value result (little-endian). */
    record ImplicitValue(byte[] value) implements Location {}

    /** A pointer that was optimized away to the object it pointed to (DW_OP_implicit_pointer). */
    record ImplicitPointer(DieRef target, long offset) implements Location {}

    /** A value assembled from parts, lowest bits first. */
    record Pieces(List<Piece> pieces) implements Location {
        public Pieces {
            pieces = List.copyOf(pieces);
        }
    }

    /** One part: {@code bitSize} bits of {@code location} starting at bit {@code bitOffset} of it. */
    record Piece(Location location, long bitSize, long bitOffset) {}

    /**
     * Optimized out at this pc, or not recoverable in this frame (a caller-saved register, an
     * unknown entry value): both are {@link AbsenceReason#OPTIMIZED_OUT} unless said otherwise.
     */
    record Absent(String why, AbsenceReason reason) implements Location {
        public Absent(String why) {
            this(why, AbsenceReason.OPTIMIZED_OUT);
        }
    }
}
