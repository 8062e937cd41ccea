package org.jdrgn.unwind;

import java.util.Optional;
import java.util.OptionalLong;
import org.jdrgn.error.FaultException;
import org.jdrgn.unwind.tables.OrcEntry;

/**
 * Applies one x86-64 {@link OrcEntry} to a frame's registers, as the kernel's own ORC
 * unwinder defines it: the CFA from sp_reg and sp_offset, then by type the caller's pc and sp
 * from the word below the CFA (CALL), from a struct pt_regs at the CFA (REGS: every register,
 * so the caller is the interrupted user or kernel context), or from the iret frame at the CFA
 * (REGS_PARTIAL: the other registers are still the interrupted code's). The caller's rbp comes
 * from bp_reg; ORC tracks no other callee-saved register, so after a CALL those are unknown.
 */
final class OrcStepper {
    // DWARF numbers (x86-64 psABI)
    private static final int RAX = 0, RDX = 1, RBX = 3, RDI = 5, RBP = 6, RSP = 7, R10 = 10, R13 = 13,
            RIP = 16, RFLAGS = 49, CS = 51, SS = 52;
    /** struct pt_regs (arch/x86/include/asm/ptrace.h), word by word: DWARF number, or -1 for orig_ax. */
    private static final int[] PT_REGS = {15, 14, 13, 12, RBP, RBX, 11, 10, 9, 8, RAX, 2, RDX, 4, RDI, -1,
            RIP, CS, RFLAGS, RSP, SS};
    /** The hardware iret frame, which is the end of pt_regs. */
    private static final int[] IRET_FRAME = {RIP, CS, RFLAGS, RSP, SS};
    private static final int W = 8;

    private final StackMemory memory;

    OrcStepper(StackMemory memory) { this.memory = memory; }

    /**
     * The caller, or empty where ORC has no rule (sp_reg UNDEFINED without the end mark), so
     * another method may try. UnwindException for a rule the known registers cannot satisfy;
     * FaultException if the CFA itself cannot be computed.
     */
    Optional<Step> step(OrcEntry e, RegisterSet regs) {
        if (e.spReg() == OrcEntry.Register.UNDEFINED) {
            return e.end() ? Optional.of(Step.stop(OptionalLong.empty(), false, new StopReason.Outermost())) : Optional.empty();
        }
        long cfa = cfa(e, regs);
        OptionalLong cfaOpt = OptionalLong.of(cfa);
        RegisterSet.Builder caller = new RegisterSet.Builder();
        boolean interrupted = e.type() != OrcEntry.Type.CALL;
        // rbp is taken from where bp_reg says, else it is what the type leaves it
        int keepBp = e.bpReg() == OrcEntry.Register.UNDEFINED ? RBP : -1;
        try {
            switch (e.type()) {
                case CALL -> {
                    caller.set(RIP, memory.read(cfa - W, W)).set(RSP, cfa);
                    if (keepBp == RBP) regs.get(RBP).ifPresent(v -> caller.set(RBP, v));
                }
                case REGS -> load(caller, PT_REGS, cfa, keepBp);
                case REGS_PARTIAL -> {
                    for (int r = 0; r < RegisterSet.SIZE; r++) {
                        int reg = r;
                        if (r != RBP || keepBp == RBP) regs.get(r).ifPresent(v -> caller.set(reg, v));
                    }
                    load(caller, IRET_FRAME, cfa, keepBp);
                }
            }
        } catch (FaultException f) {
            return Optional.of(Step.stop(cfaOpt, false, new StopReason.Fault(f.address(),
                    "ORC " + e.type() + " frame at CFA 0x" + Long.toHexString(cfa) + ": " + f.getMessage())));
        }
        try {
            switch (e.bpReg()) {
                case UNDEFINED -> { }
                case PREV_SP -> caller.set(RBP, memory.read(cfa + e.bpOffset(), W));
                case BP -> caller.set(RBP, memory.read(regs.require(RBP) + e.bpOffset(), W));
                default -> throw new UnwindException("ORC bp_reg " + e.bpReg() + " is not a place rbp is saved");
            }
        } catch (FaultException | UnwindException lost) {
            // the caller's rbp is unknown; its pc and sp are not affected
        }
        return Optional.of(new Step(cfaOpt, false, new Step.Caller(caller.build(), interrupted, UnwindMethod.ORC)));
    }

    private long cfa(OrcEntry e, RegisterSet regs) {
        return switch (e.spReg()) {
            case SP -> regs.require(RSP) + e.spOffset();
            case BP -> regs.require(RBP) + e.spOffset();
            case SP_INDIRECT -> memory.read(regs.require(RSP), W) + e.spOffset();
            case BP_INDIRECT -> memory.read(regs.require(RBP) + e.spOffset(), W);
            case DX -> regs.require(RDX) + e.spOffset();
            case DI -> regs.require(RDI) + e.spOffset();
            case R10 -> regs.require(R10) + e.spOffset();
            case R13 -> regs.require(R13) + e.spOffset();
            case UNDEFINED, PREV_SP -> throw new UnwindException("ORC sp_reg " + e.spReg() + " gives no CFA");
        };
    }

    /** Words at {@code base} into the registers numbered by {@code layout} but rbp unless keepBp; pc and sp must be readable. */
    private void load(RegisterSet.Builder caller, int[] layout, long base, int keepBp) {
        for (int i = 0; i < layout.length; i++) {
            if (layout[i] < 0 || (layout[i] == RBP && keepBp != RBP)) continue;
            try {
                caller.set(layout[i], memory.read(base + (long) i * W, W));
            } catch (FaultException f) {
                if (layout[i] == RIP || layout[i] == RSP) throw f;
            }
        }
    }
}
