package org.jdrgn.error;

/**
 * Root of every error the engine raises on purpose. The language adapters map each
 * subclass to the Python/JS exception drgn raises (see lang.python.Errors); anything
 * else reaching an adapter is a bug and is reported as a plain Exception, never raw.
 */
public class DrgnException extends RuntimeException {
    public DrgnException(String message) { super(message); }
    public DrgnException(String message, Throwable cause) { super(message, cause); }
}
