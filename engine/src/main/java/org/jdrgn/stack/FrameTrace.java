package org.jdrgn.stack;

import java.util.List;
import org.jdrgn.unwind.StopReason;

/**
 * A thread's logical stack trace (drgn's StackTrace): frames innermost first, inline frames
 * included, and why unwinding stopped.
 */
public record FrameTrace(List<StackFrame> frames, StopReason stopReason) {
    public FrameTrace {
        frames = List.copyOf(frames);
    }

    /** drgn's str(trace). */
    @Override public String toString() { return TraceFormatter.format(this); }
}
