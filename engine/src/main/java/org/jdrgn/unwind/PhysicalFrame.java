package org.jdrgn.unwind;

import java.util.Optional;
import java.util.OptionalLong;
import org.jdrgn.program.Module;

/**
 * One machine frame of a stack trace (inline frames are layered on top by the DWARF side).
 * @param index        0 for the innermost frame
 * @param pc           the program counter: exact for an interrupted frame, a return address otherwise
 * @param cfa          the Canonical Frame Address (the caller's sp at the call), if CFI or rbp gave one
 * @param registers    register values known in this frame, by DWARF number
 * @param interrupted  the pc is exact (innermost frame, or the caller of a signal trampoline)
 * @param signalFrame  this frame's CFI marks it a signal trampoline ('S')
 * @param module       the module whose code contains the pc
 * @param method       how the registers were recovered
 * @param arch         register names and numbers
 */
public record PhysicalFrame(int index, long pc, OptionalLong cfa, RegisterSet registers, boolean interrupted,
                            boolean signalFrame, Optional<Module> module, UnwindMethod method, UnwindArch arch) {
    /** The address to look up code by (function, line, FDE): pc - 1 for a return address, which may be past the call's function. */
    public long lookupPc() { return interrupted ? pc : pc - 1; }

    public long sp() { return registers.require(arch.sp()); }

    /** A register by drgn's name ("rbx", "rip", ...); empty if unknown in this frame or not a register. */
    public OptionalLong register(String name) {
        int n = arch.number(name);
        return n < 0 ? OptionalLong.empty() : registers.get(n);
    }

    @Override
    public String toString() {
        return String.format("#%d pc=0x%x sp=0x%x%s %s%s", index, pc, registers.get(arch.sp()).orElse(0),
                cfa.isPresent() ? String.format(" cfa=0x%x", cfa.getAsLong()) : "", method,
                interrupted ? " interrupted" : "");
    }
}
