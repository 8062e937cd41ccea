package org.jdrgn.core;

/** A register in a core's pr_reg block: drgn name, DWARF number (-1 if none), byte offset and size. */
public record RegisterDef(String name, int dwarfNumber, int offset, int size) {}
