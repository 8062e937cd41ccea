package org.jdrgn.error;

/** drgn raises KeyError (a LookupError) for {@code prog[name]}; other lookups raise LookupError. */
public final class KeyNotFoundException extends LookupException {
    private final String key;

    public KeyNotFoundException(String key) {
        super(key);
        this.key = key;
    }

    public String key() { return key; }
}
