package org.jdrgn.dwarf;

/** One row of a line-number matrix; {@code file} indexes {@link LineProgram#files()}. */
public record LineRow(long address, int file, long line, int column, boolean isStmt,
                      boolean endSequence, int discriminator) {}
