package org.jdrgn.program;

import java.util.Map;

/**
 * A thread of the program: its ID, name (null if unknown) and the registers saved in the
 * dump (name -> value, drgn's names) for the innermost frame. {@code exactPc}: the saved pc
 * is where the thread stopped (a core's or CPU's registers); false when it is a return
 * address (a kernel task switched out by __switch_to_asm), so its frame is not interrupted.
 */
public record ProgramThread(long tid, String name, Map<String, Long> registers, boolean exactPc) {
    public ProgramThread(long tid, String name, Map<String, Long> registers) { this(tid, name, registers, true); }
}
