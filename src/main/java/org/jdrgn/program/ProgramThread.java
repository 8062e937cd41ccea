package org.jdrgn.program;

import java.util.Map;

/**
 * A thread of the program: its ID, name (null if unknown) and the registers saved in the
 * dump (name -> value, drgn's names) for the innermost frame.
 */
public record ProgramThread(long tid, String name, Map<String, Long> registers) {}
