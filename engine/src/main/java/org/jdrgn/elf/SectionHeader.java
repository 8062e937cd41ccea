package org.jdrgn.elf;

/** One Elf64_Shdr with its name resolved; {@code index} is its position in the table. */
public record SectionHeader(int index, String name, int type, long flags, long addr, long offset,
                            long size, int link, int info, long addralign, long entsize) {
    public boolean isCompressed() { return (flags & ElfConstants.SHF_COMPRESSED) != 0; }

    public boolean isAlloc() { return (flags & ElfConstants.SHF_ALLOC) != 0; }

    /** SHT_NOBITS sections (.bss, sections stripped from a debug file) have no file bytes. */
    public boolean hasData() { return type != ElfConstants.SHT_NOBITS && type != ElfConstants.SHT_NULL; }
}
