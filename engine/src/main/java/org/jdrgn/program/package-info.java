/**
 * drgn's Program: the one façade scripts see (memory, threads, symbols, modules, types,
 * objects, debug info). What differs between a kernel and a userspace program is a
 * {@link org.jdrgn.program.Program.Target} (sub-packages {@code kernel} and {@code userspace});
 * {@code load} opens a dump as the target it is.
 */
package org.jdrgn.program;
