package org.jdrgn.unwind;

import org.jdrgn.error.DrgnException;

/**
 * A well-formed but unusable unwinding input: a DWARF expression that underflows its stack,
 * runs past its step limit or needs a register the frame does not know; a CFI rule this
 * unwinder cannot apply. Malformed bytes are {@link org.jdrgn.bytes.FormatException}s instead.
 */
public final class UnwindException extends DrgnException {
    public UnwindException(String message) { super(message); }
}
