/**
 * Physical stack unwinding: the frames of a thread from its saved registers, one machine step
 * at a time.
 *
 * <p>{@link org.jdrgn.unwind.Unwinder#forProgram} gives one unwinder per program;
 * {@link org.jdrgn.unwind.Unwinder#frames} walks lazily, {@link org.jdrgn.unwind.Unwinder#unwind}
 * collects a {@link org.jdrgn.unwind.StackTrace} ({@link org.jdrgn.unwind.PhysicalFrame}s +
 * {@link org.jdrgn.unwind.StopReason}). Each step applies the unwind table of the module holding
 * the pc ({@code ModuleCfi} over {@code org.jdrgn.unwind.tables}): a CFI row by {@code CfiStepper},
 * else for the Linux kernel and its modules an ORC entry by {@code OrcStepper} (assembly entry
 * code, struct pt_regs down to the user pc, IRQ-stack crossings), else the rbp chain
 * ({@code FramePointerStepper}). {@link org.jdrgn.unwind.RegisterSet} holds what is known of a
 * frame's registers; {@link org.jdrgn.unwind.PtRegs} reads one from a struct pt_regs object.
 * Bad stacks and bad CFI end the trace with a StopReason, never with an exception. Names,
 * inline frames and source lines are layered on physical frames by {@code org.jdrgn.stack}.
 */
package org.jdrgn.unwind;
