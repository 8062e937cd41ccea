package org.jdrgn.unwind;

/** How a frame's registers were obtained. */
public enum UnwindMethod {
    /** Saved by the dump for the thread (the innermost frame). */
    INITIAL,
    /** From call frame information (.eh_frame / .debug_frame) of the callee. */
    CFI,
    /** From the Linux kernel's ORC table (.orc_unwind) for the callee, where no CFI covered it. */
    ORC,
    /** From the callee's rbp chain, as no CFI covered it: only pc, sp and rbp are known. */
    FRAME_POINTER
}
