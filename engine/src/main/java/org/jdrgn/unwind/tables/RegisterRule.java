package org.jdrgn.unwind.tables;

import org.jdrgn.bytes.ByteSlice;

/** How a row recovers one register of the caller (DWARF 5 §6.4.1). A register without a rule is unspecified. */
public sealed interface RegisterRule {
    /** The caller's value is lost (for the return address column: this is the outermost frame). */
    record Undefined() implements RegisterRule {}

    /** The caller's value is this frame's. */
    record SameValue() implements RegisterRule {}

    /** Saved in memory at CFA + offset. */
    record Offset(long offset) implements RegisterRule {}

    /** The value is CFA + offset. */
    record ValOffset(long offset) implements RegisterRule {}

    /** The value is in another register of this frame. */
    record InRegister(int register) implements RegisterRule {}

    /** Saved in memory at the address an expression computes (the CFA pushed first). */
    record AtExpression(ByteSlice expression) implements RegisterRule {}

    /** The value is what an expression computes (the CFA pushed first). */
    record ValExpression(ByteSlice expression) implements RegisterRule {}

    RegisterRule UNDEFINED = new Undefined();
    RegisterRule SAME_VALUE = new SameValue();
}
