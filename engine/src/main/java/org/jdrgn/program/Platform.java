package org.jdrgn.program;

import java.util.List;

/**
 * drgn's Platform: architecture, flags and the register names drgn exposes, in drgn's order.
 * Register tables are per architecture so aarch64 can follow.
 */
public record Platform(Architecture arch, int flags) {
    public static final int IS_64_BIT = 1;
    public static final int IS_LITTLE_ENDIAN = 2;

    public static final Platform X86_64 = new Platform(Architecture.X86_64, IS_64_BIT | IS_LITTLE_ENDIAN);

    private static final List<String> X86_64_REGISTERS = List.of(
            "rax", "rdx", "rcx", "rbx", "rsi", "rdi", "rbp", "rsp",
            "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
            "rip", "rflags", "es", "cs", "ss", "ds", "fs", "gs", "fs.base", "gs.base");

    /** drgn's default flags for an architecture (Platform(arch) without flags). */
    public static int defaultFlags(Architecture arch) {
        return switch (arch) {
            case X86_64, AARCH64, PPC64, RISCV64 -> IS_64_BIT | IS_LITTLE_ENDIAN;
            case S390X -> IS_64_BIT;
            case S390 -> 0;
            default -> IS_LITTLE_ENDIAN;
        };
    }

    public boolean is64Bit() { return (flags & IS_64_BIT) != 0; }

    public boolean isLittleEndian() { return (flags & IS_LITTLE_ENDIAN) != 0; }

    public int wordSize() { return is64Bit() ? 8 : 4; }

    /** Register names in drgn's order for this architecture (empty if unknown). */
    public List<String> registers() {
        return arch == Architecture.X86_64 ? X86_64_REGISTERS : List.of();
    }
}
