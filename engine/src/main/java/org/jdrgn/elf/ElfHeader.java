package org.jdrgn.elf;

import org.jdrgn.bytes.ByteSlice;

/** The fixed ELF64 file header; {@link #parse} validates the identification bytes. */
public record ElfHeader(int type, int machine, long entry, long phoff, long shoff, long flags,
                        int phentsize, int phnum, int shentsize, int shnum, int shstrndx) {
    static final int SIZE = 64;

    /** Reads and checks the header; only ELF64 little-endian is accepted for now. */
    static ElfHeader parse(ByteSlice data, String file) {
        if (data.size() < 4 || data.u8(0) != 0x7f || data.u8(1) != 'E' || data.u8(2) != 'L'
                || data.u8(3) != 'F') {
            throw new ElfFormatException(file, "not an ELF file");
        }
        if (data.size() < 6) throw new ElfFormatException(file, "truncated ELF identification");
        switch (data.u8(4)) {
            case 1 -> throw new ElfFormatException(file, "32-bit ELF is not supported");
            case 2 -> { }
            default -> throw new ElfFormatException(file, "invalid ELF class " + data.u8(4));
        }
        switch (data.u8(5)) {
            case 1 -> { }
            case 2 -> throw new ElfFormatException(file, "big-endian ELF is not supported");
            default -> throw new ElfFormatException(file, "invalid ELF data encoding " + data.u8(5));
        }
        if (data.size() < SIZE) {
            throw new ElfFormatException(file, "truncated: ELF header ends at 0x40 beyond file size 0x"
                    + Long.toHexString(data.size()));
        }
        ElfHeader h = new ElfHeader(data.u16(16), data.u16(18), data.u64(24), data.u64(32),
                data.u64(40), data.u32(48), data.u16(54), data.u16(56), data.u16(58), data.u16(60),
                data.u16(62));
        h.checkTables(data.size(), file);
        return h;
    }

    private void checkTables(long fileSize, String file) {
        if (phnum > 0) {
            if (phentsize < 56) throw new ElfFormatException(file, "invalid e_phentsize " + phentsize);
            checkEnd("program headers", phoff, (long) phnum * phentsize, fileSize, file);
        }
        if (shnum > 0 && shoff != 0) {
            if (shentsize < 64) throw new ElfFormatException(file, "invalid e_shentsize " + shentsize);
            checkEnd("section headers", shoff, (long) shnum * shentsize, fileSize, file);
        }
    }

    private static void checkEnd(String what, long off, long len, long fileSize, String file) {
        long end = off + len;
        if (off < 0 || end < off || end > fileSize) {
            throw new ElfFormatException(file, "truncated: " + what + " end at 0x"
                    + Long.toHexString(end) + " beyond file size 0x" + Long.toHexString(fileSize));
        }
    }
}
