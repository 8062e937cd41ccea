package org.jdrgn.unwind;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdrgn.core.RegisterDef;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.kernel.KernelLoader;
import org.jdrgn.program.Module;
import org.jdrgn.program.Program;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.jdrgn.testcores.KernelTraceFrame;
import org.jdrgn.unwind.tables.OrcEntry;
import org.junit.jupiter.api.Test;

/**
 * ORC alone — no CFI, no frame pointers — unwinds every task of the real kdump to the same
 * machine frames (pc and sp of each) as drgn 0.0.22, whose kernel unwinding does not depend on
 * ours. Exercises CALL entries through every C function on the stacks, REGS at the syscall
 * entry (down to the user pc) and the end mark of ret_from_fork. Where ORC has no rule (the
 * crashed task's first pc, in __crash_kexec's register-saving inline asm, is marked undefined
 * by objtool) the walk takes the next frame from the full unwinder and goes on with ORC.
 */
class OrcUnwindTest {
    @Test
    void orcAloneGivesDrgnsFrames() {
        KernelCores.assumeOracle();
        KernelDump d = KernelDump.KDUMP_ELF;
        Program prog = new Program(null);
        KernelLoader.open(prog, KernelCores.dump(d), new DebugInfoOptions(List.of(KernelCores.vmlinux()), false, false), w -> { });
        Module kernel = prog.target().loadedModules().orElseThrow().modules().getFirst();
        Unwinder unwinder = Unwinder.forProgram(prog);
        OrcStepper stepper = new OrcStepper(new StackMemory(prog.memory()));
        Map<Integer, List<String>> want = new LinkedHashMap<>();
        for (KernelTraceFrame f : KernelCores.traces(d)) {
            if (f.pid() == 0 || f.inline()) continue;     // idle tasks are not addressable by tid; inline frames share their caller's pc and sp
            want.computeIfAbsent(f.pid(), k -> new ArrayList<>()).add(String.format("0x%x/0x%x", f.pc().orElseThrow(), f.sp().orElseThrow()));
        }
        int frames = 0, regsFrames = 0, endMarks = 0;
        List<String> resynced = new ArrayList<>();
        for (var e : want.entrySet()) {
            List<String> got = new ArrayList<>();
            RegisterSet regs = registers(prog.thread(e.getKey()).registers());
            boolean interrupted = true;
            List<PhysicalFrame> full = unwinder.unwind(prog.thread(e.getKey())).frames();
            for (int n = 0; n < 64; n++) {
                RegisterSet cur = regs;
                long pc = regs.require(16);
                got.add(String.format("0x%x/0x%x", pc, regs.require(7)));
                if ((regs.get(51).orElse(0) & 3) == 3) break;                // user mode: the kernel stack's end
                Optional<OrcEntry> entry = unwinder.orcEntry(kernel, interrupted ? pc : pc - 1);
                Optional<Step> step = entry.flatMap(x -> stepper.step(x, cur));
                if (step.isEmpty() && n + 1 < full.size() && full.get(n).pc() == pc) {
                    resynced.add("pid " + e.getKey() + " #" + n);
                    regs = full.get(n + 1).registers();
                    interrupted = full.get(n + 1).interrupted();
                    continue;
                }
                if (step.isPresent() && step.get().outcome() instanceof Step.Stop(StopReason.Outermost o)) endMarks++;
                if (step.isEmpty() || !(step.get().outcome() instanceof Step.Caller c)) break;
                if (entry.get().type() == OrcEntry.Type.REGS) regsFrames++;
                regs = c.registers();
                interrupted = c.interrupted();
            }
            assertEquals(e.getValue(), got, "pid " + e.getKey());
            frames += got.size();
        }
        System.out.printf("[orc] %s: %d tasks, %d frames unwound by ORC alone equal to drgn's (%d through pt_regs; "
                + "no ORC rule at %s)%n", d, want.size(), frames, regsFrames, resynced);
        assertTrue(want.size() >= 50 && regsFrames >= 5, want.size() + " tasks, " + regsFrames + " pt_regs frames");
        // every task that is not a user process's ends at ret_from_fork's end mark (UNWIND_HINT_EMPTY)
        assertEquals(want.size() - regsFrames, endMarks, "stacks ended by ORC's end mark");
        assertTrue(resynced.size() <= 1, resynced.toString());
    }

    private static RegisterSet registers(Map<String, Long> byName) {
        RegisterSet.Builder b = new RegisterSet.Builder();
        for (RegisterDef d : UnwindArch.X86_64.layout().registers()) {
            Long v = byName.get(d.name());
            if (v != null) b.set(d.dwarfNumber(), v);
        }
        return b.build();
    }
}
