package org.jdrgn.error;

/** drgn's ObjectAbsentError: the value of an absent object was needed. */
public class ObjectAbsentException extends DrgnException {
    public ObjectAbsentException(String message) { super(message); }
}
