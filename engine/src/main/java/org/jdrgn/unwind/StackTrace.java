package org.jdrgn.unwind;

import java.util.List;

/** The physical frames of a thread, innermost first, and why there are no more. */
public record StackTrace(List<PhysicalFrame> frames, StopReason stopReason) {
    public StackTrace {
        frames = List.copyOf(frames);
    }

    public List<Long> pcs() { return frames.stream().map(PhysicalFrame::pc).toList(); }
}
