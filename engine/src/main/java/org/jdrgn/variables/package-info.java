/**
 * A frame's variables and their values: {@link org.jdrgn.variables.FrameVariables} names the
 * parameters and locals in scope at a frame's pc; {@link org.jdrgn.variables.VariableReader}
 * evaluates a variable's DWARF location ({@link org.jdrgn.variables.LocationEvaluator} →
 * {@link org.jdrgn.variables.Location}: memory, register, implicit value or pointer, pieces, absent)
 * in the frame ({@code FrameContext}: the frame's registers, CFA and frame base, and entry values
 * recovered from the caller's call site when the callee is proven by {@code CallOrigins}) and
 * reads it as a {@code DrgnObject}, absent with drgn's reason when it cannot be recovered.
 */
package org.jdrgn.variables;
