package org.jdrgn.unwind;

import java.util.OptionalLong;

/**
 * What unwinding one frame found: the frame's own CFA and signal-frame mark, and either its
 * caller's registers or why there is no caller.
 */
record Step(OptionalLong cfa, boolean signalFrame, Outcome outcome) {
    sealed interface Outcome {}

    /** @param interrupted the caller's pc is exact (this frame is a signal trampoline) */
    record Caller(RegisterSet registers, boolean interrupted, UnwindMethod method) implements Outcome {}

    record Stop(StopReason reason) implements Outcome {}

    static Step stop(OptionalLong cfa, boolean signal, StopReason r) { return new Step(cfa, signal, new Stop(r)); }
}
