package org.jdrgn.objects;

import org.jdrgn.error.DrgnException;

/** Python's ZeroDivisionError, which drgn raises for C integer division or modulo by zero. */
public final class ZeroDivisionException extends DrgnException {
    public ZeroDivisionException(String message) { super(message); }
}
