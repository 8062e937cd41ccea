package org.jdrgn.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.jdrgn.unwind.PhysicalFrame;
import org.jdrgn.unwind.RegisterSet;
import org.jdrgn.unwind.StackTrace;
import org.jdrgn.unwind.StopReason;
import org.jdrgn.unwind.UnwindArch;
import org.jdrgn.unwind.UnwindMethod;
import org.jdrgn.unwind.Unwinder;

/**
 * drgn's {@code prog.stack_trace_from_pcs(pcs)}: a trace of given program counters (a kernel
 * stack depot, a saved backtrace) with nothing unwound. Each frame knows only its pc, taken as
 * a return address like every frame but the innermost of an unwound trace, so its name and
 * line are those of the call.
 */
public final class PcTrace {
    private PcTrace() {}

    public static FrameTrace of(StackTraces traces, long[] pcs) {
        Unwinder u = traces.unwinder();
        UnwindArch arch = u.arch();
        List<PhysicalFrame> frames = new ArrayList<>(pcs.length);
        for (int i = 0; i < pcs.length; i++) {
            long pc = pcs[i];
            frames.add(new PhysicalFrame(i, pc, OptionalLong.empty(), RegisterSet.EMPTY.with(arch.pc(), pc), false,
                    false, u.moduleFor(pc), UnwindMethod.INITIAL, arch));
        }
        return traces.expand(new StackTrace(frames, new StopReason.Outermost()));
    }
}
