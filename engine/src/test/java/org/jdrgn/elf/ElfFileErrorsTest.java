package org.jdrgn.elf;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rejected inputs: one-line messages naming the file, never an unchecked crash or a hang. */
class ElfFileErrorsTest {
    @TempDir Path tmp;

    private String error(byte[] contents) throws IOException {
        Path p = tmp.resolve("bad" + Arrays.hashCode(contents));
        Files.write(p, contents);
        ElfFormatException e = assertThrows(ElfFormatException.class, () -> ElfFile.open(p));
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
        return e.getMessage().substring(p.toString().length() + 2);
    }

    private static byte[] ls() throws IOException { return Files.readAllBytes(Path.of("/usr/bin/ls")); }

    @Test
    void notElf() throws IOException {
        assertEquals("not an ELF file", error(new byte[0]));
        assertEquals("not an ELF file", error("#!/bin/sh\necho hi\n".getBytes()));
        assertEquals("not an ELF file", error(new byte[] {0x7f, 'E'}));
    }

    @Test
    void wrongClassOrOrder() throws IOException {
        byte[] b = ls();
        b[4] = 1;
        assertEquals("32-bit ELF is not supported", error(b));
        b = ls();
        b[5] = 2;
        assertEquals("big-endian ELF is not supported", error(b));
    }

    @Test
    void truncated() throws IOException {
        byte[] full = ls();
        // readelf's header gives where the program headers end; cut the file inside them.
        ElfFile f = ElfFile.open(Path.of("/usr/bin/ls"));
        long phEnd = f.header().phoff() + (long) f.header().phnum() * f.header().phentsize();
        assertEquals("truncated: program headers end at 0x" + Long.toHexString(phEnd)
                + " beyond file size 0x100", error(Arrays.copyOf(full, 0x100)));
        assertEquals("truncated: ELF header ends at 0x40 beyond file size 0x20", error(Arrays.copyOf(full, 0x20)));
        long shEnd = f.header().shoff() + (long) f.header().shnum() * f.header().shentsize();
        int cut = (int) f.header().shoff() + 10;
        assertEquals("truncated: section headers end at 0x" + Long.toHexString(shEnd) + " beyond file size 0x"
                + Integer.toHexString(cut), error(Arrays.copyOf(full, cut)));
    }
}
