package org.jdrgn.error;

/** drgn's ValueError: a bad argument value, or an input file drgn rejects. */
public class ValueErrorException extends DrgnException {
    public ValueErrorException(String message) { super(message); }
}
