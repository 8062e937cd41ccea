/**
 * drgn's {@code Object}: {@link org.jdrgn.objects.DrgnObject}, immutable values, references
 * and absent objects with drgn 0.0.22's C semantics, conversions, errors and printing.
 *
 * <p>Objects see their program through {@link org.jdrgn.objects.ObjectContext} (word size,
 * memory, types by name, primitives, symbols); {@code org.jdrgn.program.ProgramObjectContext}
 * implements it over a {@link org.jdrgn.program.Program} and caches primitives and member
 * lookups. Arithmetic is in {@link org.jdrgn.objects.CArithmetic}, printing in
 * {@code ObjectFormatter} driven by {@link org.jdrgn.objects.FormatOptions}, Python literals
 * in {@link org.jdrgn.objects.Literals}.
 *
 * <h2>For language adapters</h2>
 * <ul>
 * <li>Python ints arrive as Long or BigInteger, floats as Double, bools as Boolean; a
 *     non-object operand of an operator is {@code DrgnObject.literal(ctx, value)} (C literal
 *     typing: int, long, unsigned long long by magnitude; bool is int; float is double).
 *     Python reflects comparisons ({@code 2 < x} calls {@code x > 2}); do the same.</li>
 * <li>{@link org.jdrgn.objects.DrgnObject#value()} returns Long / BigInteger / Double /
 *     Boolean / {@code Map<String,Object>} / {@code List<Object>}; byte arrays come from
 *     {@code string()} and {@code toBytes()}.</li>
 * <li>Errors: org.jdrgn.error exceptions, plus {@link org.jdrgn.objects.ZeroDivisionException}
 *     (ZeroDivisionError) and {@link org.jdrgn.objects.IntegerOverflowException}
 *     (OverflowError). Bit-field sizes are {@code Long} so that None (null) and 0 differ.</li>
 * </ul>
 */
package org.jdrgn.objects;
