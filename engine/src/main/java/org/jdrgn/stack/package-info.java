/**
 * Logical stack frames — drgn's StackTrace and StackFrame — built on the unwinder's physical
 * frames with DWARF: {@link org.jdrgn.stack.StackTraces} expands each physical frame into the
 * inline calls its pc is in ({@code FrameBuilder}, {@code Scopes}, {@link org.jdrgn.stack.FrameScope})
 * and adds the tail calls DWARF call sites prove ({@code TailCallChain}, {@code CallSites});
 * {@link org.jdrgn.stack.ModuleDwarf} maps a module's pcs to units, functions and source lines
 * ({@link org.jdrgn.stack.SourceLocation}); {@link org.jdrgn.stack.FrameTrace} is the result and
 * {@code TraceFormatter} prints it as drgn does. {@link org.jdrgn.stack.PcTrace} builds a trace
 * from bare pcs. What a frame's variables hold is {@code org.jdrgn.variables}'.
 */
package org.jdrgn.stack;
