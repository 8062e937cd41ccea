package org.jdrgn.error;

/** drgn's TypeError: an operation on the wrong kind of object or type. */
public class TypeErrorException extends DrgnException {
    public TypeErrorException(String message) { super(message); }
}
