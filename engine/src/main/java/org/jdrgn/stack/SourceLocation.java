package org.jdrgn.stack;

/** A source position of a stack frame: file path as the line table spells it, line, column (0 if unknown). */
public record SourceLocation(String file, long line, int column) {
    /** "file:line:column", or "file:line" when the column is unknown (drgn's trace format). */
    public String format() { return column == 0 ? file + ":" + line : file + ":" + line + ":" + column; }
}
