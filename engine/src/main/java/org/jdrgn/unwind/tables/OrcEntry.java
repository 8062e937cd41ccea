package org.jdrgn.unwind.tables;

import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;

/**
 * One ORC entry of the Linux kernel's .orc_unwind (x86-64, the layout before Linux 6.4's
 * .orc_header): how to find the caller's frame from a pc onward. 6 bytes, little-endian:
 * s16 sp_offset, s16 bp_offset, then a u16 of bit fields sp_reg:4, bp_reg:4, type:2, end:1.
 * @param spOffset  added to {@link #spReg} (or to the word it points at) to get the frame's CFA
 * @param bpOffset  where the caller's rbp was saved, relative to {@link #bpReg}
 * @param end       with spReg UNDEFINED: the outermost frame (a thread's first frame, or user entry)
 */
public record OrcEntry(int spOffset, int bpOffset, Register spReg, Register bpReg, Type type, boolean end) {
    public static final int SIZE = 6;

    /** ORC_REG_* of arch/x86/include/asm/orc_types.h, in encoding order. */
    public enum Register { UNDEFINED, PREV_SP, DX, DI, BP, SP, R10, R13, BP_INDIRECT, SP_INDIRECT }

    /** ORC_TYPE_*: what the CFA points at. */
    public enum Type {
        /** A call frame: the return address is the word below the CFA. */
        CALL,
        /** A full struct pt_regs at the CFA (syscall or exception entry). */
        REGS,
        /** Only the hardware iret frame (ip, cs, flags, sp, ss) at the CFA. */
        REGS_PARTIAL
    }

    /** The entry at {@code offset} of .orc_unwind; FormatException for a register or type code that does not exist. */
    public static OrcEntry decode(ByteSlice unwind, long offset) {
        short sp = (short) unwind.u16(offset), bp = (short) unwind.u16(offset + 2);
        int bits = unwind.u16(offset + 4);
        int spReg = bits & 0xf, bpReg = (bits >> 4) & 0xf, type = (bits >> 8) & 0x3;
        Register[] regs = Register.values();
        if (spReg >= regs.length || bpReg >= regs.length || type >= Type.values().length) {
            throw new FormatException(unwind.what(), offset, String.format(
                    "invalid ORC entry (sp_reg %d, bp_reg %d, type %d)", spReg, bpReg, type));
        }
        return new OrcEntry(sp, bp, regs[spReg], regs[bpReg], Type.values()[type], (bits & 0x400) != 0);
    }
}
