package org.jdrgn.elf;

/** One Elf64_Sym with its name resolved; the value is not relocated. */
public record ElfSymbol(String name, long value, long size, int info, int other, int shndx) {
    public static final int STB_LOCAL = 0, STB_GLOBAL = 1, STB_WEAK = 2, STB_GNU_UNIQUE = 10;
    public static final int STT_NOTYPE = 0, STT_OBJECT = 1, STT_FUNC = 2, STT_SECTION = 3,
            STT_FILE = 4, STT_TLS = 6, STT_GNU_IFUNC = 10;

    public int binding() { return info >>> 4; }

    public int symbolType() { return info & 0xf; }

    public boolean isDefined() { return shndx != ElfConstants.SHN_UNDEF; }
}
