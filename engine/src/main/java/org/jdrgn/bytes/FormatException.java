package org.jdrgn.bytes;

import org.jdrgn.error.DrgnException;

/** Malformed input: names what was being read (file, section) and the byte offset. */
public final class FormatException extends DrgnException {
    private final String where;
    private final long offset;

    public FormatException(String where, long offset, String message) {
        super(where + " at offset 0x" + Long.toHexString(offset) + ": " + message);
        this.where = where;
        this.offset = offset;
    }

    public String where() { return where; }

    public long offset() { return offset; }
}
