package org.jdrgn.unwind.tables;

import org.jdrgn.bytes.ByteSlice;

/** How a row computes the Canonical Frame Address. */
public sealed interface CfaRule {
    /** CFA = value of {@code register} + {@code offset}. */
    record RegisterOffset(int register, long offset) implements CfaRule {}

    /** CFA = the value of a DWARF expression (DW_CFA_def_cfa_expression). */
    record Expression(ByteSlice expression) implements CfaRule {}
}
