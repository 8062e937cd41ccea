package org.jdrgn.error;

/** drgn's LookupError (KeyError for prog[name]): a name, type or thread not found. */
public class LookupException extends DrgnException {
    public LookupException(String message) { super(message); }
}
