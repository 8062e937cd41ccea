package org.jdrgn.core;

import java.util.List;
import org.jdrgn.elf.ElfConstants;

/**
 * x86-64: struct user_regs_struct (27 eight-byte words: r15 r14 r13 r12 rbp rbx r11 r10 r9 r8
 * rax rcx rdx rsi rdi orig_rax rip cs eflags rsp ss fs_base gs_base ds es fs gs) at offset
 * 112 of elf_prstatus; DWARF numbers from the x86-64 psABI.
 */
public final class X86_64RegisterLayout implements RegisterLayout {
    public static final X86_64RegisterLayout INSTANCE = new X86_64RegisterLayout();

    private static final List<RegisterDef> REGISTERS = List.of(
            reg("rax", 0, 10), reg("rdx", 1, 12), reg("rcx", 2, 11), reg("rbx", 3, 5),
            reg("rsi", 4, 13), reg("rdi", 5, 14), reg("rbp", 6, 4), reg("rsp", 7, 19),
            reg("r8", 8, 9), reg("r9", 9, 8), reg("r10", 10, 7), reg("r11", 11, 6),
            reg("r12", 12, 3), reg("r13", 13, 2), reg("r14", 14, 1), reg("r15", 15, 0),
            reg("rip", 16, 16), reg("rflags", 49, 18), reg("es", 50, 24), reg("cs", 51, 17),
            reg("ss", 52, 20), reg("ds", 53, 23), reg("fs", 54, 25), reg("gs", 55, 26),
            reg("fs.base", 58, 21), reg("gs.base", 59, 22));

    private X86_64RegisterLayout() {}

    private static RegisterDef reg(String name, int dwarf, int word) {
        return new RegisterDef(name, dwarf, word * 8, 8);
    }

    @Override public int machine() { return ElfConstants.EM_X86_64; }

    @Override public List<RegisterDef> registers() { return REGISTERS; }

    @Override public int prRegOffset() { return 112; }

    @Override public int prRegSize() { return 27 * 8; }

    @Override public String pcName() { return "rip"; }

    @Override public String spName() { return "rsp"; }
}
