package org.jdrgn.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.elf.ElfConstants;
import org.jdrgn.error.LookupException;

/**
 * How an architecture lays out NT_PRSTATUS and its pr_reg block (the kernel's
 * user_regs_struct). Registers are listed in drgn's order ({@code prog.platform.registers}).
 */
public interface RegisterLayout {
    /** The ELF e_machine this layout is for. */
    int machine();

    /** Registers in drgn's order, each with its offset in pr_reg. */
    List<RegisterDef> registers();

    /** Offset of pr_reg inside struct elf_prstatus. */
    int prRegOffset();

    /** Size of pr_reg (ELF_NGREG * word size). */
    int prRegSize();

    String pcName();

    String spName();

    default Optional<RegisterDef> register(String name) {
        for (RegisterDef r : registers()) if (r.name().equals(name)) return Optional.of(r);
        return Optional.empty();
    }

    default Optional<RegisterDef> byDwarfNumber(int number) {
        for (RegisterDef r : registers()) if (r.dwarfNumber() == number) return Optional.of(r);
        return Optional.empty();
    }

    default long value(ByteSlice regs, String name) {
        RegisterDef r = register(name).orElseThrow(() -> new LookupException("unknown register '" + name + "'"));
        return regs.uN(r.offset(), r.size());
    }

    default Map<String, Long> values(ByteSlice regs) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (RegisterDef r : registers()) m.put(r.name(), regs.uN(r.offset(), r.size()));
        return m;
    }

    /** The layout for an ELF machine, if supported. */
    static Optional<RegisterLayout> forMachine(int machine) {
        return machine == ElfConstants.EM_X86_64 ? Optional.of(X86_64RegisterLayout.INSTANCE) : Optional.empty();
    }
}
