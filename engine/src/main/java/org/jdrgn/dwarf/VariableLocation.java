package org.jdrgn.dwarf;

import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.Cursor;

/**
 * What a variable's simple DW_AT_location says: a static address (DW_OP_addr/addrx), a
 * thread-local offset (constant then DW_OP_form_tls_address / DW_OP_GNU_push_tls_address), or
 * something that needs the expression evaluator.
 */
public sealed interface VariableLocation {
    record Address(long address) implements VariableLocation {}
    record ThreadLocal(long offset) implements VariableLocation {}
    record Other(ByteSlice expression) implements VariableLocation {}

    /** Classifies an expression of {@code unit}; null if {@code expr} is null. */
    public static VariableLocation of(ByteSlice expr, Unit unit) {
        if (expr == null) return null;
        if (expr.size() == 0) return new Other(expr);
        Cursor c = new Cursor(expr, 0);
        int op = c.u8();
        long v;
        switch (op) {
            case DwOp.addr -> v = c.uN(unit.encoding().addressSize());
            case DwOp.addrx, DwOp.GNU_addr_index -> v = unit.addrx(c.uleb128());
            case DwOp.constx, DwOp.GNU_const_index -> v = unit.addrx(c.uleb128());
            case DwOp.const1u -> v = c.u8();
            case DwOp.const2u -> v = c.u16();
            case DwOp.const4u -> v = c.u32();
            case DwOp.const8u -> v = c.u64();
            case DwOp.constu -> v = c.uleb128();
            default -> { return new Other(expr); }
        }
        if (c.atEnd()) {
            return op == DwOp.addr || op == DwOp.addrx || op == DwOp.GNU_addr_index ? new Address(v) : new Other(expr);
        }
        int next = c.u8();
        if ((next == DwOp.form_tls_address || next == DwOp.GNU_push_tls_address) && c.atEnd()) return new ThreadLocal(v);
        return new Other(expr);
    }

    /** Classifies a DIE's DW_AT_location; null if it has none or it is a location list. */
    public static VariableLocation of(Die die) {
        return switch (die.value(DwAt.location)) {
            case AttrValue.Exprloc e -> of(e.expr(), die.unit());
            case AttrValue.Block b -> of(b.data(), die.unit());
            case null, default -> null;
        };
    }
}
