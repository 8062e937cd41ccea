package org.jdrgn.elf;

/** One Elf64_Phdr. */
public record ProgramHeader(int type, int flags, long offset, long vaddr, long paddr, long filesz,
                            long memsz, long align) {
    public static final int PF_X = 1, PF_W = 2, PF_R = 4;
}
