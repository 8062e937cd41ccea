package org.jdrgn.dwarf;

/** The source position of an address: full path (directory joined), line, column (0 if unknown). */
public record LineLocation(String path, long line, int column) {}
