/**
 * Unwind tables as formats, decoded lazily from a module's sections: DWARF CFI
 * ({@code .eh_frame} through {@code .eh_frame_hdr}'s binary-search table, else a sorted FDE index,
 * and {@code .debug_frame}) — CIEs, FDEs, pointer encodings and the row a CFA program yields at
 * a pc ({@link org.jdrgn.unwind.tables.CfiRow}: CFA rule + register rules) — and the Linux
 * kernel's ORC table ({@link org.jdrgn.unwind.tables.OrcTable}, {@link org.jdrgn.unwind.tables.OrcEntry}).
 * Knows nothing of threads, registers' values or memory: applying a row is the stepper's job
 * ({@code org.jdrgn.unwind}). {@link org.jdrgn.unwind.tables.CfiSection} is kept per file.
 */
package org.jdrgn.unwind.tables;
