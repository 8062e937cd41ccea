package org.jdrgn.unwind;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jdrgn.error.TypeErrorException;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.types.CompoundType;
import org.jdrgn.types.PointerType;
import org.jdrgn.types.Type;

/**
 * The initial registers drgn's {@code prog.stack_trace(regs)} takes from a {@code struct pt_regs}
 * (or a pointer to one): the x86-64 kernel layout (arch/x86/include/asm/ptrace.h), read by
 * member name so the program's own debug info fixes the offsets.
 */
public final class PtRegs {
    private PtRegs() {}

    /** pt_regs member -> drgn register name; orig_ax is no register. */
    private static final String[][] X86_64 = {
            {"r15", "r15"}, {"r14", "r14"}, {"r13", "r13"}, {"r12", "r12"}, {"bp", "rbp"}, {"bx", "rbx"},
            {"r11", "r11"}, {"r10", "r10"}, {"r9", "r9"}, {"r8", "r8"}, {"ax", "rax"}, {"cx", "rcx"},
            {"dx", "rdx"}, {"si", "rsi"}, {"di", "rdi"}, {"ip", "rip"}, {"cs", "cs"}, {"flags", "rflags"},
            {"sp", "rsp"}, {"ss", "ss"}};

    /** Whether {@code obj} is a {@code struct pt_regs} or a pointer to one (typedefs and qualifiers aside). */
    public static boolean isPtRegs(DrgnObject obj) {
        Type u = obj.type().underlying();
        if (u instanceof PointerType p) u = p.referenced().underlying();
        return u instanceof CompoundType c && "pt_regs".equals(c.tag());
    }

    /** Register values by drgn name; TypeError unless {@link #isPtRegs}; FaultError if unreadable. */
    public static Map<String, Long> registers(DrgnObject regs) {
        if (!isPtRegs(regs)) {
            throw new TypeErrorException("expected struct pt_regs or struct pt_regs *, not '" + regs.type().typeName() + "'");
        }
        DrgnObject value = (regs.type().underlying() instanceof PointerType ? regs.deref() : regs).read();
        Map<String, Long> out = new LinkedHashMap<>();
        for (String[] m : X86_64) out.put(m[1], value.member(m[0]).toInt().longValue());
        return out;
    }
}
