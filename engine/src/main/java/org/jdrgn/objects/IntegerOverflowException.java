package org.jdrgn.objects;

import org.jdrgn.error.DrgnException;

/** Python's OverflowError: a Python int too large for a C integer (e.g. a literal above 2**64). */
public final class IntegerOverflowException extends DrgnException {
    public IntegerOverflowException(String message) { super(message); }
}
