package org.jdrgn.unwind;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.kernel.KernelLoader;
import org.jdrgn.program.kernel.KernelTarget;
import org.jdrgn.program.Program;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.junit.jupiter.api.Test;

/**
 * The CPUs' own stacks in QEMU's panic dump, which drgn 0.0.22 cannot unwind there: ORC
 * carries them through a kernel module (pvpanic), the syscall's pt_regs, the IRQ stack switch
 * (call_on_irqstack, ORC's SP_INDIRECT where GCC's CFI has the wrong CFA) and an interrupt's
 * pt_regs.
 */
class OrcInterruptTest {
    private static Program panicDump() {
        List<java.nio.file.Path> files = new ArrayList<>(List.of(KernelCores.vmlinux()));
        files.addAll(KernelCores.debugModules());
        Program prog = new Program(null);
        KernelLoader.open(prog, KernelCores.dump(KernelDump.PANIC_ELF_PAGING), new DebugInfoOptions(files, false, false), w -> { });
        return prog;
    }

    private static StackTrace cpu(Program prog, int cpu) {
        KernelTarget k = (KernelTarget) prog.target();
        return Unwinder.forProgram(prog).unwind(k.cpuRegisters(cpu).orElseThrow().registers());
    }

    /** The panicking CPU's last frame is the user RIP and RSP the kernel printed in its own panic backtrace. */
    @Test
    void panickingCpuEndsAtTheUserRegistersTheKernelPrinted() throws IOException {
        KernelCores.assumeDumps();
        String console = Files.readString(KernelCores.consoleLog(KernelDump.State.PANIC));
        Matcher cpu = Pattern.compile("CPU: (\\d+) PID: \\d+ Comm: panicker").matcher(console);
        Matcher rip = Pattern.compile("RIP: 0033:0x([0-9a-f]+)").matcher(console);
        Matcher rsp = Pattern.compile("RSP: 002b:([0-9a-f]+)").matcher(console);
        assertTrue(cpu.find() && rip.find() && rsp.find(), "no user-mode panic backtrace in the console log");
        StackTrace st = cpu(panicDump(), Integer.parseInt(cpu.group(1)));
        PhysicalFrame last = st.frames().getLast();
        assertEquals(Long.parseUnsignedLong(rip.group(1), 16), last.pc(), st.toString());
        assertEquals(Long.parseUnsignedLong(rsp.group(1), 16), last.sp(), st.toString());
        assertTrue(last.interrupted() && last.method() == UnwindMethod.ORC, last.toString());
        assertInstanceOf(StopReason.UserMode.class, st.stopReason());
        assertTrue(st.frames().getFirst().module().orElseThrow().name().startsWith("pvpanic"), st.frames().getFirst().toString());
    }

    /**
     * The other CPU, halted by the reboot IPI while idle: out of the handler on the IRQ stack,
     * through the interrupt's pt_regs (whose saved rip is the next frame's exact pc, in kernel
     * mode), down to the idle loop's first frame, where ORC's end mark stops it normally.
     */
    @Test
    void otherCpuCrossesTheIrqStackAndTheInterrupt() {
        KernelCores.assumeDumps();
        Program prog = panicDump();
        StackTrace st = cpu(prog, 1);
        List<PhysicalFrame> f = st.frames();
        assertTrue(st.stopReason().isNormal(), st.toString());
        int irq = -1;
        for (int i = 1; i < f.size(); i++) {
            if (f.get(i).interrupted() && f.get(i).method() == UnwindMethod.ORC) { irq = i; break; }
        }
        assertTrue(irq > 1, "no interrupted frame: " + st);
        PhysicalFrame interrupted = f.get(irq);
        assertEquals(0, interrupted.register("cs").orElseThrow() & 3, "interrupted in kernel mode");
        // the stack switch: the handler ran on another stack than the interrupted code
        assertNotEquals(f.get(1).sp() >>> 14, interrupted.sp() >>> 14, st.toString());
        assertTrue(f.size() - irq >= 5, st.toString());
        assertEquals(StopReason.Outermost.class, st.stopReason().getClass());
    }
}
