package org.jdrgn.unwind.tables;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.SectionHeader;
import org.jdrgn.testcores.KernelCores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ORC table of the real Debian 6.1 vmlinux, checked against what does not come from ORC:
 * its section sizes and bytes as readelf prints them, its executable sections, and the
 * .debug_frame CFI GCC wrote for the same instructions.
 */
public class OrcTableTest {
    private static final long SHF_EXECINSTR = 0x4;
    private static ElfFile vmlinux;
    private static OrcTable orc;

    @BeforeAll
    static void open() throws IOException {
        KernelCores.assumeDumps();
        vmlinux = ElfFile.open(KernelCores.vmlinux());
        orc = OrcTable.of(vmlinux).orElseThrow();
    }

    /** Entry count from readelf's section sizes; the first ips recomputed from readelf -x's own bytes. */
    @Test
    void matchesReadelf() throws Exception {
        Map<String, long[]> sizes = new TreeMap<>();      // name -> {addr, size}
        for (String line : run("readelf", "-SW", KernelCores.vmlinux().toString())) {
            String[] f = line.replace("[ ", "[").trim().split("\\s+");
            if (f.length > 6 && f[1].startsWith(".orc_unwind")) {
                sizes.put(f[1], new long[] {Long.parseUnsignedLong(f[3], 16), Long.parseLong(f[5], 16)});
            }
        }
        long[] ip = sizes.get(".orc_unwind_ip"), un = sizes.get(".orc_unwind");
        assertEquals(ip[1] / 4, orc.size());
        assertEquals(un[1] / OrcEntry.SIZE, orc.size());
        // readelf -x: "  0xADDRESS WORD WORD WORD WORD  text"; the words are the bytes in file order
        List<Integer> s32 = new ArrayList<>();
        for (String line : run("readelf", "-x", ".orc_unwind_ip", KernelCores.vmlinux().toString())) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 5 || !f[0].startsWith("0x")) continue;
            for (int w = 1; w <= 4 && s32.size() < 4000; w++) {
                if (f[w].length() != 8) break;
                long be = Long.parseLong(f[w], 16);
                s32.add(Integer.reverseBytes((int) be));
            }
            if (s32.size() >= 4000) break;
        }
        assertEquals(4000, s32.size());
        for (int i = 0; i < s32.size(); i++) assertEquals(ip[0] + 4L * i + s32.get(i), orc.ip(i), "ip " + i);
    }

    /** Every entry starts inside an executable section, in order (the kernel sorts vmlinux's table at build time). */
    @Test
    void everyIpIsCode() {
        List<SectionHeader> text = vmlinux.sections().stream()
                .filter(s -> (s.flags() & SHF_EXECINSTR) != 0).toList();
        long prev = 0;
        for (int i = 0; i < orc.size(); i++) {
            long pc = orc.ip(i);
            assertTrue(Long.compareUnsigned(pc, prev) >= 0, "entry " + i + " out of order");
            prev = pc;
            assertTrue(text.stream().anyMatch(s -> Long.compareUnsigned(pc - s.addr(), s.size()) <= 0),
                    "entry " + i + " at 0x" + Long.toHexString(pc) + " is in no executable section");
        }
    }

    /**
     * Wherever both describe an instruction, ORC (written by objtool from the machine code) and
     * .debug_frame (written by GCC) must give the same CFA, the return address below it, and
     * the same place for the caller's rbp. Two exceptions, each checked for what it is: code the
     * kernel patches at boot (alternatives, paravirt calls, retpolines), where objtool also
     * describes the replacement's instructions at pcs inside the original's; and inline asm that
     * moves sp, which GCC's CFI does not see: stack switches (call_on_stack, ORC's SP_INDIRECT)
     * and pushes (pushf; pop in native_save_fl, sync_core's iret frame: ORC's CFA offset is
     * larger). Everything else must agree.
     */
    @Test
    void agreesWithDebugFrameCfi() {
        CfiSection cfi = CfiSection.debugFrame(vmlinux, 8).orElseThrow();
        TreeMap<Long, Long> patched = patchSites();
        int compared = 0, insidePatch = 0, stackSwitch = 0, asmPush = 0;
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < orc.size(); i++) {
            long pc = orc.ip(i);
            OrcEntry e = orc.entry(i);
            Optional<CfiRow> row = cfi.row(pc);
            if (row.isEmpty() || e.spReg() == OrcEntry.Register.UNDEFINED) continue;
            compared++;
            String why = mismatch(e, row.get());
            if (why == null) continue;
            Map.Entry<Long, Long> site = patched.lowerEntry(pc);
            if (site != null && Long.compareUnsigned(pc, site.getValue()) < 0) insidePatch++;
            else if (e.spReg() == OrcEntry.Register.SP_INDIRECT) stackSwitch++;
            else if (row.get().cfa() instanceof CfaRule.RegisterOffset ro && ro.register() == 7
                    && e.spReg() == OrcEntry.Register.SP && e.spOffset() > ro.offset()) asmPush++;
            else differ.add(String.format("0x%x %s: %s", pc, e, why));
        }
        System.out.printf("[orc] %d entries; %d compared with .debug_frame: %d differ inside boot-patched code, "
                + "%d at stack switches, %d after inline asm pushes, %d otherwise%n",
                orc.size(), compared, insidePatch, stackSwitch, asmPush, differ.size());
        assertTrue(compared > 300_000, "compared " + compared);
        assertTrue(insidePatch + stackSwitch + asmPush < compared / 200, insidePatch + " + " + stackSwitch + " + " + asmPush);
        assertEquals(List.of(), differ.subList(0, Math.min(20, differ.size())), differ.size() + " differ");
    }

    /**
     * Start -> end of each instruction the kernel rewrites at boot, from the tables that list
     * them: .altinstructions (6.1's struct alt_instr: s32 instr_offset, s32 repl_offset, u16
     * cpuid, u8 instrlen, u8 replacementlen), .parainstructions (struct paravirt_patch_site:
     * u8 *instr, u8 type, u8 len, padded to 16), .retpoline_sites and .return_sites (s32
     * offsets of 5-byte call/jmp/ret thunk sites).
     */
    private static TreeMap<Long, Long> patchSites() {
        TreeMap<Long, Long> out = new TreeMap<>(Long::compareUnsigned);
        SectionHeader alt = vmlinux.section(".altinstructions").orElseThrow();
        ByteSlice a = vmlinux.sectionData(alt);
        for (long off = 0; off + 12 <= a.size(); off += 12) {
            long at = alt.addr() + off + a.s32(off);
            out.merge(at, at + a.u8(off + 10), (x, y) -> Long.compareUnsigned(x, y) > 0 ? x : y);
        }
        ByteSlice p = vmlinux.sectionData(".parainstructions").orElseThrow();
        for (long off = 0; off + 16 <= p.size(); off += 16) {
            long at = p.u64(off);
            out.merge(at, at + p.u8(off + 9), (x, y) -> Long.compareUnsigned(x, y) > 0 ? x : y);
        }
        for (String name : List.of(".retpoline_sites", ".return_sites")) {
            SectionHeader sh = vmlinux.section(name).orElseThrow();
            ByteSlice r = vmlinux.sectionData(sh);
            for (long off = 0; off + 4 <= r.size(); off += 4) {
                long at = sh.addr() + off + r.s32(off);
                out.merge(at, at + 5, (x, y) -> Long.compareUnsigned(x, y) > 0 ? x : y);
            }
        }
        return out;
    }

    public static String mismatch(OrcEntry e, CfiRow row) {
        if (row.cfa() instanceof CfaRule.Expression x) {
            // stack realignment (DRAP): GCC's CFA is DW_OP_breg6 (rbp) N; DW_OP_deref, ORC's BP_INDIRECT N
            return e.spReg() == OrcEntry.Register.BP_INDIRECT && x.expression().size() > 2 && x.expression().u8(0) == 0x76
                    && sleb(x.expression(), 1) == e.spOffset() && x.expression().u8(x.expression().size() - 1) == 0x06
                    ? rbpMismatch(e, row) : "CFA expression";
        }
        if (!(row.cfa() instanceof CfaRule.RegisterOffset ro)) return "CFA " + row.cfa();
        int reg = switch (e.spReg()) { case SP -> 7; case BP -> 6; case DX -> 1; case DI -> 5; case R10 -> 10; case R13 -> 13; default -> -1; };
        if (ro.register() != reg || ro.offset() != e.spOffset()) return "CFA " + ro;
        if (e.type() != OrcEntry.Type.CALL) return "ORC type " + e.type();
        if (!(row.rule(16) instanceof RegisterRule.Offset ra) || ra.offset() != -8) return "return address " + row.rule(16);
        return rbpMismatch(e, row);
    }

    private static String rbpMismatch(OrcEntry e, CfiRow row) {
        RegisterRule bp = row.rule(6);
        return switch (e.bpReg()) {
            case UNDEFINED -> bp == null || bp instanceof RegisterRule.SameValue ? null : "rbp " + bp;
            case PREV_SP -> bp instanceof RegisterRule.Offset o && o.offset() == e.bpOffset() ? null : "rbp " + bp;
            // DW_CFA_expression r6: DW_OP_breg6 N: saved at rbp + N
            case BP -> bp instanceof RegisterRule.AtExpression x && x.expression().size() >= 2 && x.expression().u8(0) == 0x76
                    && sleb(x.expression(), 1) == e.bpOffset() ? null : "rbp " + bp;
            default -> "ORC bp_reg " + e.bpReg();
        };
    }

    private static long sleb(ByteSlice b, long off) {
        long v = 0;
        int shift = 0, byt;
        do {
            byt = b.u8(off++);
            v |= (long) (byt & 0x7f) << shift;
            shift += 7;
        } while ((byt & 0x80) != 0 && shift < 64);
        return shift < 64 && (byt & 0x40) != 0 ? v | (-1L << shift) : v;
    }

    private static List<String> run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> out = new String(p.getInputStream().readAllBytes()).lines().toList();
        assertEquals(0, p.waitFor(), String.join(" ", cmd));
        return out;
    }
}
