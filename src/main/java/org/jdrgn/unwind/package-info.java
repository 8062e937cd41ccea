/**
 * Stack unwinding: physical frames of a thread from its saved registers.
 *
 * <p>{@link org.jdrgn.unwind.Unwinder#forProgram} gives one unwinder per program;
 * {@link org.jdrgn.unwind.Unwinder#frames} walks lazily, {@link org.jdrgn.unwind.Unwinder#unwind}
 * collects a {@link org.jdrgn.unwind.StackTrace} (frames + {@link org.jdrgn.unwind.StopReason}).
 * Each step uses the CFI of the module holding the pc ({@link org.jdrgn.unwind.CfiSection}:
 * .eh_frame through .eh_frame_hdr, then .debug_frame; rows by {@code CfiProgram}, expressions by
 * {@link org.jdrgn.unwind.DwarfExpression}), else for the Linux kernel and its modules the ORC
 * table ({@link org.jdrgn.unwind.OrcTable}, {@link org.jdrgn.unwind.OrcEntry}, applied by
 * {@code OrcStepper}: assembly entry code, struct pt_regs down to the user pc), else the rbp chain. Bad stacks and bad CFI end the
 * trace with a StopReason, never with an exception. Inline frames, symbols and variables are
 * layered on {@link org.jdrgn.unwind.PhysicalFrame} by the DWARF side.
 */
package org.jdrgn.unwind;
