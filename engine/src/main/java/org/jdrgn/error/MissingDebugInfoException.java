package org.jdrgn.error;

/** drgn's MissingDebugInfoError: no debug info for what was asked. */
public class MissingDebugInfoException extends DrgnException {
    public MissingDebugInfoException(String message) { super(message); }
}
