package org.jdrgn.linux;

import java.util.ArrayList;
import java.util.List;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.core.PrStatus;
import org.jdrgn.core.X86_64RegisterLayout;
import org.jdrgn.elf.ElfNote;

/**
 * The NT_PRSTATUS notes of an x86-64 kernel dump: one per CPU that was online, in CPU
 * order, with the registers at the moment of the crash (or of QEMU's stop). QEMU writes
 * {@code pr_pid} = vCPU index + 1 there; the kernel writes the pid of the running task.
 */
public final class PrStatusNotes {
    private static final int NT_PRSTATUS = 1;

    private PrStatusNotes() {}

    public static List<PrStatus> of(List<ElfNote> notes) {
        X86_64RegisterLayout layout = X86_64RegisterLayout.INSTANCE;
        List<PrStatus> out = new ArrayList<>();
        for (ElfNote n : notes) {
            if (n.type() != NT_PRSTATUS || !n.name().equals("CORE")) continue;
            ByteSlice d = n.desc();
            ByteSlice regs = d.slice(layout.prRegOffset(), layout.prRegSize(), d.what() + " [pr_reg]");
            out.add(new PrStatus(d.s32(32), d.u16(12), d.s32(36), d.s32(40), d.s32(44), regs, layout));
        }
        return out;
    }

    /** True for QEMU's dumps, which carry notes named "QEMU" beside the CPU notes. */
    public static boolean fromQemu(List<ElfNote> notes) {
        return notes.stream().anyMatch(n -> n.name().equals("QEMU"));
    }
}
