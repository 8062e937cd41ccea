package org.jdrgn.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.elf.ElfConstants;
import org.jdrgn.elf.ElfFile;

/**
 * The head of an ELF core read with positional reads into a heap buffer: the file header and
 * the program and section header tables, followed by the pieces the headers point at that
 * {@link ElfFile} reads when opened or asked for notes (PT_NOTE segments, SHT_NOTE sections,
 * the section name table). Each piece is appended after the tables and its offset in the
 * heap copy of its header is changed to match, so a piece at the far end of a huge file
 * (QEMU puts .shstrtab after the memory) costs only its own bytes. PT_LOAD offsets are kept:
 * their bytes are read on demand from the file.
 */
final class ElfHead {
    /** Bounds the head: a core's headers and notes take kilobytes (megabytes for thousands of CPUs). */
    static final int MAX_HEAD = 64 << 20;
    private static final int EHDR = 64, PHDR = 56, SHDR = 64;

    private ElfHead() {}

    static ElfFile read(PositionalFile file) throws IOException {
        String name = file.path().toString();
        ByteSlice ehdr = ByteSlice.of(file.readFully(0, EHDR, "ELF header"), name);
        if (ehdr.u32(0) != 0x464c457fL) throw new FormatException(name, 0, "not an ELF file");
        long phoff = ehdr.u64(32), shoff = ehdr.u64(40);
        int phentsize = ehdr.u16(54), phnum = ehdr.u16(56), shentsize = ehdr.u16(58), shnum = ehdr.u16(60);
        if (phnum > 0 && phentsize < PHDR) throw new FormatException(name, 54, "invalid e_phentsize " + phentsize);
        boolean sections = shnum > 0 && shoff != 0;
        if (sections && shentsize < SHDR) throw new FormatException(name, 58, "invalid e_shentsize " + shentsize);
        long phEnd = phnum == 0 ? 0 : end(name, phoff, (long) phnum * phentsize, "program headers");
        long shEnd = sections ? end(name, shoff, (long) shnum * shentsize, "section headers") : 0;
        int tables = (int) Math.max(EHDR, Math.max(phEnd, shEnd));
        byte[] head = file.readFully(0, tables, "ELF header tables");
        ByteBuffer hdrs = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream out = new ByteArrayOutputStream(tables + 16384);
        out.write(head, 0, tables);
        for (int i = 0; i < phnum; i++) {
            int o = (int) (phoff + (long) i * phentsize);
            if (hdrs.getInt(o) == ElfConstants.PT_NOTE) append(file, hdrs, o + 8, hdrs.getLong(o + 32), out, "PT_NOTE " + i);
        }
        int shstrndx = ehdr.u16(62);
        for (int i = 0; sections && i < shnum; i++) {
            int o = (int) (shoff + (long) i * shentsize);
            int type = hdrs.getInt(o + 4);
            if ((type == ElfConstants.SHT_NOTE || i == shstrndx) && type != ElfConstants.SHT_NOBITS) {
                append(file, hdrs, o + 24, hdrs.getLong(o + 32), out, "section " + i);
            }
        }
        byte[] all = out.toByteArray();
        System.arraycopy(head, 0, all, 0, tables); // the tables with the pieces' new offsets
        return ElfFile.of(ByteSlice.of(all, name), name);
    }

    /** Appends the piece whose file offset is at {@code field} in the tables, 8-aligned, and points the field at it. */
    private static void append(PositionalFile file, ByteBuffer hdrs, int field, long len, ByteArrayOutputStream out,
                               String what) throws IOException {
        long off = hdrs.getLong(field);
        while (out.size() % 8 != 0) out.write(0);
        if (len < 0 || len > MAX_HEAD - out.size()) {
            throw new FormatException(file.path().toString(), off, what + " (0x" + Long.toHexString(len)
                    + " bytes) makes the headers and notes larger than 0x" + Integer.toHexString(MAX_HEAD) + " bytes");
        }
        hdrs.putLong(field, out.size());
        out.write(file.readFully(off, (int) len, what), 0, (int) len);
    }

    private static long end(String name, long off, long len, String what) {
        if (off < 0 || len < 0 || off > MAX_HEAD || len > MAX_HEAD - off) {
            throw new FormatException(name, off, what + " (0x" + Long.toHexString(len) + " bytes) lie past the first 0x"
                    + Integer.toHexString(MAX_HEAD) + " bytes");
        }
        return off + len;
    }
}
