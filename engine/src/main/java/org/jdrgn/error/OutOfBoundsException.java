package org.jdrgn.error;

/** drgn's OutOfBoundsError: a bit field or value does not fit its type. */
public class OutOfBoundsException extends DrgnException {
    public OutOfBoundsException(String message) { super(message); }
}
