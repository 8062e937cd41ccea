package org.jdrgn.elf;

/** The ELF numbers this package reads (values from the System V gABI and Linux elf.h). */
public final class ElfConstants {
    public static final int ET_NONE = 0, ET_REL = 1, ET_EXEC = 2, ET_DYN = 3, ET_CORE = 4;

    public static final int EM_386 = 3, EM_PPC64 = 21, EM_S390 = 22, EM_ARM = 40, EM_X86_64 = 62,
            EM_AARCH64 = 183, EM_RISCV = 243;

    public static final int PT_NULL = 0, PT_LOAD = 1, PT_DYNAMIC = 2, PT_INTERP = 3, PT_NOTE = 4,
            PT_PHDR = 6, PT_TLS = 7, PT_GNU_EH_FRAME = 0x6474e550;

    public static final int SHT_NULL = 0, SHT_PROGBITS = 1, SHT_SYMTAB = 2, SHT_STRTAB = 3,
            SHT_NOTE = 7, SHT_NOBITS = 8, SHT_DYNSYM = 11;

    public static final long SHF_ALLOC = 0x2, SHF_COMPRESSED = 0x800;

    public static final int SHN_UNDEF = 0, SHN_LORESERVE = 0xff00, SHN_ABS = 0xfff1,
            SHN_COMMON = 0xfff2, SHN_XINDEX = 0xffff;

    public static final int ELFCOMPRESS_ZLIB = 1, ELFCOMPRESS_ZSTD = 2;

    public static final int NT_PRSTATUS = 1, NT_FPREGSET = 2, NT_PRPSINFO = 3, NT_AUXV = 6,
            NT_SIGINFO = 0x53494749, NT_FILE = 0x46494c45;

    public static final int NT_GNU_BUILD_ID = 3;

    public static final int DT_NULL = 0, DT_DEBUG = 21;

    public static final int AT_NULL = 0, AT_PHDR = 3, AT_PHENT = 4, AT_PHNUM = 5, AT_BASE = 7,
            AT_ENTRY = 9, AT_SYSINFO_EHDR = 33, AT_EXECFN = 31;

    private ElfConstants() {}
}
