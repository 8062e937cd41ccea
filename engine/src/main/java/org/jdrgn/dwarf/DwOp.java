package org.jdrgn.dwarf;

/** The few DW_OP_* values the readers and the index look at; the expression evaluator owns the rest. */
public final class DwOp {
    private DwOp() {}

    public static final int addr = 0x03, const1u = 0x08, const2u = 0x0a, const4u = 0x0c,
            const8u = 0x0e, constu = 0x10, plus_uconst = 0x23, lit0 = 0x30, lit31 = 0x4f,
            addrx = 0xa1, constx = 0xa2, stack_value = 0x9f, form_tls_address = 0x9b,
            GNU_push_tls_address = 0xe0, GNU_addr_index = 0xfb, GNU_const_index = 0xfc;
}
