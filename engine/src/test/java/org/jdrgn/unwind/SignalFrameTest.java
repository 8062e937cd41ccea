package org.jdrgn.unwind;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdrgn.core.Memory;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.error.FaultException;
import org.jdrgn.program.LoadedModules;
import org.jdrgn.program.Module;
import org.junit.jupiter.api.Test;

/**
 * Through glibc's signal trampoline __restore_rt, whose CIE has the 'S' augmentation and whose
 * rules are DWARF expressions into the ucontext_t the kernel pushed. The registers of the
 * interrupted frame must be the ones stored in a synthetic ucontext at the offsets of the
 * kernel ABI (uc_mcontext.gregs at +40: r8..r15, rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip).
 */
class SignalFrameTest {
    private static final String[] GREGS = {"r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "rdi", "rsi",
            "rbp", "rbx", "rdx", "rax", "rcx", "rsp", "rip"};

    /** Start of the FDE that readelf shows under a "zRS" CIE in libc (it starts one byte before __restore_rt). */
    private static long signalFdeStart() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("readelf", "-W", "--debug-dump=frames", LoadedCore.LIBC.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher cie = Pattern.compile("(?m)^([0-9a-f]{8}) [0-9a-f]+ [0-9a-f]+ CIE\\s*\\n\\s*Version:\\s*\\d+\\s*\\n\\s*Augmentation:\\s*\"zRS\"").matcher(out);
        assertTrue(cie.find(), "no zRS CIE in libc");
        Matcher fde = Pattern.compile("(?m)^[0-9a-f]{8} [0-9a-f]+ [0-9a-f]+ FDE cie=" + cie.group(1) + " pc=([0-9a-f]+)\\.\\.").matcher(out);
        assertTrue(fde.find(), "no FDE for the zRS CIE");
        return Long.parseLong(fde.group(1), 16);
    }

    @Test
    void unwindsThroughRestoreRt() throws Exception {
        ElfFile libc = ElfFile.open(LoadedCore.LIBC);
        long bias = 0x7f0000000000L;
        Module m = new Module(LoadedCore.LIBC.toString(), Module.Kind.SHARED_LIBRARY, bias, bias + 0x200000, bias,
                libc.buildId(), Optional.of(libc), Optional.empty());
        long uc = 0x7ffd00001000L;                 // rsp in the trampoline: the ucontext_t
        Map<Long, Long> words = new HashMap<>();
        Map<String, Long> saved = new HashMap<>();
        for (int i = 0; i < GREGS.length; i++) {
            long v = 0x1111000000000000L + i * 0x101L;
            saved.put(GREGS[i], v);
            words.put(uc + 40 + 8L * i, v);
        }
        Memory mem = (address, dst, off, len, physical) -> {
            for (int i = 0; i < len; i += 8) {
                Long w = words.get(address + i);
                if (w == null || len - i < 8) throw FaultException.unmapped(address + i);
                for (int k = 0; k < 8; k++) dst[off + i + k] = (byte) (w >>> (8 * k));
            }
        };
        Unwinder u = new Unwinder(UnwindArch.X86_64, mem, Optional.of(new LoadedModules(List.of(m))));
        long pc = bias + signalFdeStart() + 1;
        StackTrace st = u.unwind(Map.of("rip", pc, "rsp", uc));
        PhysicalFrame trampoline = st.frames().get(0), interrupted = st.frames().get(1);
        assertTrue(trampoline.signalFrame(), st.toString());
        assertTrue(interrupted.interrupted(), "the caller of a signal frame has an exact pc");
        assertEquals(interrupted.pc(), interrupted.lookupPc());
        for (String r : GREGS) assertEquals(saved.get(r), interrupted.register(r).orElseThrow(), r);
        assertEquals(saved.get("rsp"), trampoline.cfa().orElseThrow(), "CFA of __restore_rt is the saved rsp");
        // The saved rip is in no module and the saved rbp points nowhere readable: the trace ends there, marked.
        assertEquals(2, st.frames().size(), st.toString());
        assertFalse(st.stopReason().isNormal(), st.stopReason().describe());
    }
}
