package org.jdrgn.stack;

/**
 * Where a DW_TAG_call_site (DW_TAG_GNU_call_site) jumps, as far as DWARF alone proves it, the
 * way gdb resolves it without a frame: a function definition's lowest address
 * (DW_AT_call_origin with code), a declaration's name to find among the ELF symbols, or a
 * constant DW_AT_call_target (DW_OP_addr). Anything else (a register or memory target, an
 * abstract origin without code, no target at all) is unknown.
 */
sealed interface CallTarget {
    /** A link-time address in the call site's own file. */
    record Address(long linkAddress) implements CallTarget {}

    /** A function declared but defined elsewhere: the ELF symbol of that name. */
    record Named(String name) implements CallTarget {}

    record Unknown(String why) implements CallTarget {}
}
