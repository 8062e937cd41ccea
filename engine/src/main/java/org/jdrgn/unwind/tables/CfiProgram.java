package org.jdrgn.unwind.tables;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.Cursor;
import org.jdrgn.bytes.FormatException;

/**
 * The CFA program interpreter (DWARF 5 §6.4.2): runs a CIE's initial instructions, then its
 * FDE's up to a pc, and returns the row in force there. Work is bounded by the instruction
 * bytes (each op consumes at least one) and the remember-state depth.
 */
final class CfiProgram {
    private static final int MAX_STATE_DEPTH = 64;

    private record Saved(CfaRule cfa, Map<Integer, RegisterRule> rules, long argsSize) {}

    private final Fde fde;
    private final String where;
    private CfaRule cfa; // null until the program defines one
    private Map<Integer, RegisterRule> rules = new HashMap<>();
    private Map<Integer, RegisterRule> initial = Map.of();
    private long argsSize;
    private final ArrayDeque<Saved> stack = new ArrayDeque<>();

    private CfiProgram(Fde fde) {
        this.fde = fde;
        this.where = fde.instructions().what();
    }

    /** The row for {@code pc} (link-time, inside the FDE's range). */
    static CfiRow rowFor(Fde fde, long pc) {
        CfiProgram p = new CfiProgram(fde);
        p.run(fde.cie().instructions(), fde.cie().offset(), Long.MIN_VALUE, -1);
        p.initial = Map.copyOf(p.rules);
        p.run(fde.instructions(), fde.offset(), fde.pcBegin(), pc);
        if (p.cfa == null) throw new FormatException(p.where, fde.offset(), "FDE defines no CFA rule");
        return new CfiRow(fde, p.cfa, p.rules, p.argsSize);
    }

    private FormatException bad(long entry, Cursor c, String msg) {
        return new FormatException(where, entry, "CFA instruction at +0x" + Long.toHexString(c.pos()) + ": " + msg);
    }

    /**
     * Executes {@code code}; {@code target} = -1 (as unsigned: the largest pc) runs it all.
     * @param entry offset of the CIE/FDE, for error messages
     */
    private void run(ByteSlice code, long entry, long startLoc, long target) {
        Cie cie = fde.cie();
        Cursor c = new Cursor(code, 0);
        long loc = startLoc;
        while (!c.atEnd()) {
            int op = c.u8();
            int high = op & 0xc0, low = op & 0x3f;
            long advance = -1;
            switch (high) {
                case 0x40 -> advance = low * cie.codeAlign();
                case 0x80 -> rules.put(low, new RegisterRule.Offset(c.uleb128() * cie.dataAlign()));
                case 0xc0 -> restore(low);
                default -> {
                    switch (op) {
                        case 0x00 -> { } // nop
                        case 0x01 -> {  // set_loc
                            int enc = cie.fdeEncoding();
                            if ((enc & 0x70) != 0 || PointerEncoding.isIndirect(enc)) throw bad(entry, c, "relative DW_CFA_set_loc");
                            long newLoc = PointerEncoding.read(c, enc, cie.addressSize(), new PointerEncoding.Bases(0, 0, 0));
                            if (target != -1 && Long.compareUnsigned(newLoc, target) > 0) return;
                            loc = newLoc;
                        }
                        case 0x02 -> advance = c.u8() * cie.codeAlign();
                        case 0x03 -> advance = c.u16() * cie.codeAlign();
                        case 0x04 -> advance = c.u32() * cie.codeAlign();
                        case 0x05 -> rules.put(reg(entry, c), new RegisterRule.Offset(c.uleb128() * cie.dataAlign()));
                        case 0x06 -> restore(reg(entry, c));
                        case 0x07 -> rules.put(reg(entry, c), RegisterRule.UNDEFINED);
                        case 0x08 -> rules.put(reg(entry, c), RegisterRule.SAME_VALUE);
                        case 0x09 -> rules.put(reg(entry, c), new RegisterRule.InRegister(reg(entry, c)));
                        case 0x0a -> {
                            if (stack.size() >= MAX_STATE_DEPTH) throw bad(entry, c, "remember_state nested too deep");
                            stack.push(new Saved(cfa, Map.copyOf(rules), argsSize));
                        }
                        case 0x0b -> {
                            if (stack.isEmpty()) throw bad(entry, c, "restore_state without remember_state");
                            Saved s = stack.pop();
                            cfa = s.cfa();
                            rules = new HashMap<>(s.rules());
                            argsSize = s.argsSize();
                        }
                        case 0x0c -> setCfa(new CfaRule.RegisterOffset(reg(entry, c), c.uleb128()));
                        case 0x0d -> setCfa(new CfaRule.RegisterOffset(reg(entry, c), cfaOffset(entry, c)));
                        case 0x0e -> setCfa(new CfaRule.RegisterOffset(cfaRegister(entry, c), c.uleb128()));
                        case 0x0f -> setCfa(new CfaRule.Expression(block(c)));
                        case 0x10 -> rules.put(reg(entry, c), new RegisterRule.AtExpression(block(c)));
                        case 0x11 -> rules.put(reg(entry, c), new RegisterRule.Offset(c.sleb128() * cie.dataAlign()));
                        case 0x12 -> setCfa(new CfaRule.RegisterOffset(reg(entry, c), c.sleb128() * cie.dataAlign()));
                        case 0x13 -> setCfa(new CfaRule.RegisterOffset(cfaRegister(entry, c), c.sleb128() * cie.dataAlign()));
                        case 0x14 -> rules.put(reg(entry, c), new RegisterRule.ValOffset(c.uleb128() * cie.dataAlign()));
                        case 0x15 -> rules.put(reg(entry, c), new RegisterRule.ValOffset(c.sleb128() * cie.dataAlign()));
                        case 0x16 -> rules.put(reg(entry, c), new RegisterRule.ValExpression(block(c)));
                        case 0x2e -> argsSize = c.uleb128();
                        case 0x2f -> rules.put(reg(entry, c), new RegisterRule.Offset(-c.uleb128() * cie.dataAlign()));
                        default -> throw bad(entry, c, "unknown opcode 0x" + Integer.toHexString(op));
                    }
                }
            }
            if (advance >= 0) {
                long newLoc = loc + advance;
                if (target != -1 && Long.compareUnsigned(newLoc, target) > 0) return;
                loc = newLoc;
            }
        }
    }

    private int reg(long entry, Cursor c) {
        long r = c.uleb128();
        if (r < 0 || r > CfiRow.MAX_REGISTER) throw bad(entry, c, "register " + r + " out of range");
        return (int) r;
    }

    private void restore(int r) {
        RegisterRule init = initial.get(r);
        if (init == null) rules.remove(r); else rules.put(r, init);
    }

    private void setCfa(CfaRule rule) { cfa = rule; }

    private long cfaOffset(long entry, Cursor c) {
        if (cfa instanceof CfaRule.RegisterOffset ro) return ro.offset();
        throw bad(entry, c, "def_cfa_register without a register CFA rule");
    }

    private int cfaRegister(long entry, Cursor c) {
        if (cfa instanceof CfaRule.RegisterOffset ro) return ro.register();
        throw bad(entry, c, "def_cfa_offset without a register CFA rule");
    }

    private static ByteSlice block(Cursor c) {
        long len = c.uleb128();
        c.data().check(c.pos(), len);
        ByteSlice b = c.data().slice(c.pos(), len);
        c.skip(len);
        return b;
    }
}
