package org.jdrgn.types;

import org.jdrgn.error.DrgnException;

/**
 * drgn's SyntaxError from its C parser (type names, offsetof designators). The message is
 * drgn's, e.g. "expected abstract declarator"; {@link #position()} is the character offset in
 * the parsed string where the offending token starts.
 */
public final class CSyntaxException extends DrgnException {
    private final int position;

    public CSyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    public int position() { return position; }
}
