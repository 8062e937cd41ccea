package org.jdrgn.unwind;

import org.jdrgn.core.RegisterDef;
import org.jdrgn.core.RegisterLayout;
import org.jdrgn.core.X86_64RegisterLayout;

/**
 * What the unwinder needs to know about an architecture: register names and DWARF numbers,
 * which registers are pc / sp / frame pointer, which survive calls, the word size.
 * @param calleeSaved mask of DWARF numbers a callee preserves (unspecified CFI rules keep them)
 */
public record UnwindArch(RegisterLayout layout, int pc, int sp, int fp, long calleeSaved, int wordSize) {
    /** x86-64 psABI: rbx(3) rbp(6) r12-r15(12-15) are callee-saved; rsp is the CFA. */
    public static final UnwindArch X86_64 = new UnwindArch(X86_64RegisterLayout.INSTANCE, 16, 7, 6,
            (1L << 3) | (1L << 6) | (1L << 12) | (1L << 13) | (1L << 14) | (1L << 15), 8);

    public boolean isCalleeSaved(int dwarfRegister) {
        return dwarfRegister >= 0 && dwarfRegister < 64 && (calleeSaved & (1L << dwarfRegister)) != 0;
    }

    /** The DWARF number of a register name (drgn's names), or -1. */
    public int number(String name) {
        return layout.register(name).map(RegisterDef::dwarfNumber).orElse(-1);
    }
}
