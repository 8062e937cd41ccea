package org.jdrgn.error;

/** drgn's AttributeError: e.g. asking an int type for its members. */
public final class AttributeException extends DrgnException {
    public AttributeException(String message) { super(message); }
}
