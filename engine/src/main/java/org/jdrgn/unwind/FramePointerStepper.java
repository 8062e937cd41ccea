package org.jdrgn.unwind;

import java.util.OptionalLong;
import org.jdrgn.error.FaultException;

/**
 * The fallback for code without CFI: the x86-64 frame-pointer chain, where [rbp] holds the
 * caller's rbp and [rbp+8] the return address. Trusted only while it climbs the stack: rbp
 * must be word-aligned and not below sp, so every step moves sp strictly up.
 */
final class FramePointerStepper {
    private final UnwindArch arch;
    private final StackMemory memory;

    FramePointerStepper(UnwindArch arch, StackMemory memory) {
        this.arch = arch;
        this.memory = memory;
    }

    /** @param why what kept CFI from being used, for the marker if this fails too */
    Step step(long pc, RegisterSet regs, String why) {
        OptionalLong fp = regs.get(arch.fp()), sp = regs.get(arch.sp());
        if (fp.isEmpty() || sp.isEmpty()) {
            return Step.stop(OptionalLong.empty(), false, new StopReason.NoUnwindInfo(pc, why + "; frame pointer not known"));
        }
        long rbp = fp.getAsLong(), rsp = sp.getAsLong();
        int w = arch.wordSize();
        if (rbp == 0 || (rbp & (w - 1)) != 0 || Long.compareUnsigned(rbp, rsp) < 0
                || Long.compareUnsigned(rbp + 2L * w, rbp) < 0) {
            return Step.stop(OptionalLong.empty(), false, new StopReason.NoUnwindInfo(pc,
                    why + "; rbp 0x" + Long.toHexString(rbp) + " is not a frame pointer above sp 0x" + Long.toHexString(rsp)));
        }
        long cfa = rbp + 2L * w;
        long savedFp, returnAddress;
        try {
            savedFp = memory.read(rbp, w);
            returnAddress = memory.read(rbp + w, w);
        } catch (FaultException f) {
            return Step.stop(OptionalLong.of(cfa), false, new StopReason.Fault(f.address(),
                    "frame pointer chain: " + f.getMessage()));
        }
        RegisterSet caller = new RegisterSet.Builder()
                .set(arch.pc(), returnAddress).set(arch.sp(), cfa).set(arch.fp(), savedFp).build();
        return new Step(OptionalLong.of(cfa), false, new Step.Caller(caller, false, UnwindMethod.FRAME_POINTER));
    }
}
