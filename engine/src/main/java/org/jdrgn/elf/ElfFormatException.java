package org.jdrgn.elf;

import org.jdrgn.error.ValueErrorException;

/** A file drgn would reject as an ELF file; the one-line message starts with the file name. */
public final class ElfFormatException extends ValueErrorException {
    public ElfFormatException(String file, String problem) {
        super(file + ": " + problem);
    }
}
