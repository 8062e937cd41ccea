package org.jdrgn.stack;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Optional;
import org.jdrgn.elf.Symbol;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.kernel.KernelLoader;
import org.jdrgn.program.Program;
import org.jdrgn.program.ProgramThread;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Tail-call frames on the real kdump, every task. gdb cannot show sleeping tasks of a vmcore,
 * so each frame is checked against the machine code instead: the instruction ending at a
 * tail-call frame's pc is a jump (jmp / jcc, rel8 or rel32) to the entry of the function of the
 * frame below it, and the real caller above the chain ends in a direct call to the entry of
 * the outermost tail-call frame's function. Prints the count.
 */
@Tag("slow")
class KernelTailCallsTest {
    @Test
    void kdumpTailCallsAreJumps() {
        KernelCores.assumeDumps();
        Program prog = new Program(null);
        KernelLoader.open(prog, KernelCores.dump(KernelDump.KDUMP_ELF),
                new DebugInfoOptions(List.of(KernelCores.vmlinux()), false, false), w -> { });
        StackTraces traces = StackTraces.forProgram(prog);
        int tasks = 0, frames = 0, tail = 0;
        for (ProgramThread t : prog.threads()) {
            FrameTrace trace;
            try {
                trace = traces.trace(t);
            } catch (RuntimeException e) {
                continue;                                    // tasks without a readable stack
            }
            tasks++;
            List<StackFrame> fs = trace.frames();
            frames += fs.size();
            for (int i = 0; i < fs.size(); i++) {
                StackFrame f = fs.get(i);
                if (!f.isTailCall()) continue;
                tail++;
                String what = "pid " + t.tid() + " #" + i + " " + f.name() + " at 0x" + Long.toHexString(f.pc());
                assertTrue(i > 0, what + ": a tail-call frame has a callee");
                long target = jumpTarget(prog, f.pc());
                assertNotEquals(-1, target, what + ": no jump ends at the pc");
                assertEquals(entry(fs.get(i - 1)), target, what + ": jumps to " + fs.get(i - 1).name());
                StackFrame above = fs.get(i + 1);
                if (!above.isTailCall()) {
                    long call = callTarget(prog, above.pc());
                    assertEquals(entry(f), call, "pid " + t.tid() + " #" + (i + 1) + " " + above.name() + " calls " + f.name());
                }
                System.out.printf("[kernel-tail-call] pid %d #%d %s (%s) jumps to %s%n", t.tid(), i, f.name(),
                        f.source().map(SourceLocation::format).orElse("?"), fs.get(i - 1).name());
            }
        }
        System.out.printf("[kernel-tail-call] KDUMP_ELF: %d tasks, %d frames, %d tail-call frames%n", tasks, frames, tail);
        assertTrue(tasks > 0);
    }

    /** The start of the ELF function symbol of a frame's code. */
    private static long entry(StackFrame f) {
        Optional<Symbol> s = f.symbol();
        assertTrue(s.isPresent(), "symbol of " + f);
        return s.get().address();
    }

    /** The target of a direct jmp/jcc (rel32 or rel8) ending at {@code end}, else -1. */
    static long jumpTarget(Program prog, long end) {
        byte[] b = prog.read(end - 6, 6, false);
        if ((b[1] & 0xff) == 0xe9) return end + rel32(b, 2);                                  // jmp rel32
        if ((b[0] & 0xff) == 0x0f && (b[1] & 0xf0) == 0x80) return end + rel32(b, 2);        // jcc rel32
        if ((b[4] & 0xff) == 0xeb || (b[4] & 0xf0) == 0x70) return end + b[5];                 // jmp / jcc rel8
        return -1;
    }

    /** The target of a direct call rel32 ending at {@code end}, else -1. */
    static long callTarget(Program prog, long end) {
        byte[] b = prog.read(end - 5, 5, false);
        return (b[0] & 0xff) == 0xe8 ? end + rel32(b, 1) : -1;
    }

    private static long rel32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] << 24);
    }
}
