package org.jdrgn.unwind;

/** Why a trace has no frame after its last one. */
public sealed interface StopReason {
    /** True for a proper end (the outermost frame), false when unwinding had to give up. */
    boolean isNormal();

    /** A one-line marker for printing after the last frame. */
    String describe();

    /** The CFI says the return address is undefined: _start, clone3, a thread's first frame. */
    record Outermost() implements StopReason {
        public boolean isNormal() { return true; }
        public String describe() { return "outermost frame (return address undefined)"; }
    }

    /** The caller's pc would be 0: nothing called this frame. */
    record ZeroPc() implements StopReason {
        public boolean isNormal() { return true; }
        public String describe() { return "outermost frame (return address is 0)"; }
    }

    /** A kernel stack's last frame: the pc is user code the kernel was entered from (cs of ring 3, from pt_regs). */
    record UserMode(long pc) implements StopReason {
        public boolean isNormal() { return true; }
        public String describe() { return "outermost kernel frame (returns to user space at 0x" + Long.toHexString(pc) + ")"; }
    }

    /** Memory the caller's registers are saved in is not in the dump (a smashed or truncated stack). */
    record Fault(long address, String message) implements StopReason {
        public boolean isNormal() { return false; }
        public String describe() { return "stack unreadable: " + message; }
    }

    /** No CFI covers the pc and frame pointers cannot be followed. */
    record NoUnwindInfo(long pc, String message) implements StopReason {
        public boolean isNormal() { return false; }
        public String describe() { return "cannot unwind from 0x" + Long.toHexString(pc) + ": " + message; }
    }

    /** The CFI or an expression in it was malformed or unusable, and frame pointers did not help. */
    record BadUnwindInfo(long pc, String message) implements StopReason {
        public boolean isNormal() { return false; }
        public String describe() { return "bad unwind information at 0x" + Long.toHexString(pc) + ": " + message; }
    }

    /** The caller would repeat a frame already in the trace (same CFA and pc). */
    record Cycle(long cfa, long pc) implements StopReason {
        public boolean isNormal() { return false; }
        public String describe() {
            return "frame repeats (cfa 0x" + Long.toHexString(cfa) + ", pc 0x" + Long.toHexString(pc) + ")";
        }
    }

    /** The trace reached the frame limit. */
    record FrameLimit(int limit) implements StopReason {
        public boolean isNormal() { return false; }
        public String describe() { return "stopped after " + limit + " frames"; }
    }
}
