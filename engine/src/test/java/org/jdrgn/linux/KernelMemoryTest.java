package org.jdrgn.linux;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.core.ElfVmcore;
import org.jdrgn.core.KernelDumpFile;
import org.jdrgn.elf.ElfConstants;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.ElfSymbolTable;
import org.jdrgn.elf.ProgramHeader;
import org.jdrgn.elf.SectionHeader;
import org.jdrgn.error.FaultException;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.jdrgn.testcores.OracleFacts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kernel virtual memory of every dump file, in every format, read through VMCOREINFO and
 * page tables, against drgn 0.0.22's facts about the state's reference dump, vmlinux's own
 * bytes, and the virtual-to-physical map QEMU wrote into its paging=true dumps.
 */
class KernelMemoryTest {
    private static ElfFile vmlinux;
    private static ElfSymbolTable symbols;

    @BeforeAll
    static void loadVmlinux() throws IOException {
        if (!KernelCores.dumpsAvailable()) return;
        vmlinux = ElfFile.open(KernelCores.vmlinux());
        symbols = ElfSymbolTable.of(vmlinux, 0);
    }

    private static long sym(String name) { return symbols.lookup(name).orElseThrow().address(); }

    private static KernelMemory open(KernelDump d) throws IOException {
        return KernelMemory.open(KernelDumpFile.open(KernelCores.dump(d)), VmlinuxSymbols.of(symbols));
    }

    @ParameterizedTest
    @EnumSource(KernelDump.class)
    void readsKernelDataAsDrgnDid(KernelDump d) throws IOException {
        KernelCores.assumeOracle();
        OracleFacts facts = KernelCores.facts(d.reference());
        long t0 = System.nanoTime();
        KernelMemory km = open(d);
        long uts = sym("init_uts_ns") + km.kaslrOffset();
        byte[] name = km.read(uts + km.vmcoreinfo().offset("uts_namespace.name").orElse(0), 6 * 65, false);
        long t1 = System.nanoTime();
        System.out.printf("%-26s open + first read %.1f ms%n", d.fileName(), (t1 - t0) / 1e6);

        assertEquals(facts.hex("symbol._text"), sym("_text") + km.kaslrOffset(), "KASLR offset");
        assertEquals(facts.hex("init_uts_ns.address"), uts);
        String[] fields = {"sysname", "nodename", "release", "version", "machine", "domainname"};
        for (int i = 0; i < 6; i++) {
            assertEquals(facts.get("init_uts_ns.name." + fields[i]), cstring(name, i * 65), fields[i]);
        }
        assertEquals(Long.parseLong(facts.get("jiffies_64")), km.readU64(sym("jiffies_64") + km.kaslrOffset()));
        assertEquals(facts.hex("init_task.address"), sym("init_task") + km.kaslrOffset());
        // direct-map addresses drgn printed are in the direct map page_offset_base gives
        long rq = facts.hex("cpu.0.runqueues");
        assertTrue(Long.compareUnsigned(rq - km.pageOffsetBase(), 1L << 40) < 0,
                "runqueues 0x" + Long.toHexString(rq) + " vs page_offset_base 0x" + Long.toHexString(km.pageOffsetBase()));
        assertEquals(rq - km.pageOffsetBase(), km.translate(rq), "the direct map is linear");
    }

    @ParameterizedTest
    @EnumSource(value = KernelDump.class, names = {"LIVE_ELF_PHYSICAL", "KDUMP_DISKDUMP", "PANIC_FLATTENED"})
    void linuxBannerEqualsVmlinuxRodata(KernelDump d) throws IOException {
        KernelCores.assumeDumps();
        KernelMemory km = open(d);
        long banner = sym("linux_banner");
        SectionHeader rodata = vmlinux.section(".rodata").orElseThrow();
        ByteSlice data = vmlinux.sectionData(rodata);
        String want = data.cstring(banner - rodata.addr());
        assertTrue(want.startsWith("Linux version " + KernelCores.release()), want);
        byte[] got = km.read(banner + km.kaslrOffset(), want.length() + 1, false);
        assertEquals(want + "\0", new String(got, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(value = KernelDump.class, names = {"LIVE_ELF_PAGING", "PANIC_ELF_PAGING", "KDUMP_ELF"})
    void pageTablesAgreeWithTheDumpsOwnMappings(KernelDump d) throws IOException {
        KernelCores.assumeDumps();
        ElfVmcore withVaddrs = (ElfVmcore) KernelDumpFile.open(KernelCores.dump(d));
        // the physical-only dump of the same state, or the kdump ELF read through page tables only
        KernelDump physDump = switch (d) {
            case LIVE_ELF_PAGING -> KernelDump.LIVE_ELF_PHYSICAL;
            case PANIC_ELF_PAGING -> KernelDump.PANIC_ELF_PHYSICAL;
            default -> KernelDump.KDUMP_DISKDUMP;
        };
        KernelMemory km = open(physDump);
        int checked = 0;
        for (ProgramHeader p : withVaddrs.elf().programHeaders()) {
            // kernel half only: QEMU also lists user mappings, with the top bits forced to 1s
            if (p.type() != ElfConstants.PT_LOAD || Long.compareUnsigned(p.vaddr(), 0xffff800000000000L) < 0) continue;
            for (long at : new long[] {0, (p.memsz() / 2) & -4096, p.memsz() - 4096}) {
                assertEquals(p.paddr() + at, km.translate(p.vaddr() + at),
                        "vaddr 0x" + Long.toHexString(p.vaddr() + at) + " in " + p);
                checked++;
            }
        }
        assertTrue(checked >= 9, "checked " + checked);
        // The direct map: one PT_LOAD of each dump maps physical 0.. at page_offset_base
        ProgramHeader direct = withVaddrs.elf().programHeaders().stream()
                .filter(p -> p.type() == ElfConstants.PT_LOAD && p.paddr() == 0x100000).findFirst()
                .or(() -> withVaddrs.elf().programHeaders().stream().filter(p -> p.type() == ElfConstants.PT_LOAD
                        && p.paddr() == 0 && p.vaddr() < 0).findFirst()).orElseThrow();
        assertEquals(direct.vaddr() - direct.paddr(), km.pageOffsetBase());
    }

    @Test
    void unmappedAndNonCanonicalAddressesFault() throws IOException {
        KernelCores.assumeDumps();
        KernelMemory km = open(KernelDump.LIVE_ELF_PHYSICAL);
        long far = km.pageOffsetBase() + (1L << 39); // 512 GiB into the direct map of a 256 MiB guest
        FaultException e = assertThrows(FaultException.class, () -> km.read(far, 8, false));
        assertEquals("address is not mapped: 0x" + Long.toHexString(far), e.getMessage());
        e = assertThrows(FaultException.class, () -> km.read(0x0000900000000000L, 8, false));
        assertEquals(0x0000900000000000L, e.address());
        // physical reads go straight to the dump
        assertArrayEquals(km.read(km.translate(sym("linux_banner") + km.kaslrOffset()), 32, true),
                km.read(sym("linux_banner") + km.kaslrOffset(), 32, false));
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void garbageTopLevelEntryFaultsWithDumpAndEntryAddress() throws IOException {
        KernelCores.assumeDumps();
        KernelDumpFile file = KernelDumpFile.open(KernelCores.dump(KernelDump.KDUMP_DISKDUMP));
        VmcoreInfo info = VmcoreInfo.parse(file.vmcoreinfo().orElseThrow());
        long root = info.swapperPgDir() - VmcoreInfo.START_KERNEL_MAP + info.physBase();
        long entry = root + 511 * 8; // the PGD slot of the kernel text mapping
        long garbage = 0xdeadbeef000L | 0x81; // present, with the reserved page-size bit
        org.jdrgn.core.Memory patched = (addr, dst, off, len, physical) -> {
            file.memory().read(addr, dst, off, len, physical);
            for (int i = 0; i < len; i++) {
                long a = addr + i - entry;
                if (physical && a >= 0 && a < 8) dst[off + i] = (byte) (garbage >>> (8 * a));
            }
        };
        KernelMemory km = KernelMemory.of(patched, false, info, VmlinuxSymbols.of(symbols), file.name());
        long banner = sym("linux_banner") + km.kaslrOffset();
        FaultException e = assertThrows(FaultException.class, () -> km.read(banner, 8, false));
        assertEquals(banner, e.address());
        assertEquals("invalid PGD entry 0x" + Long.toHexString(garbage) + " at physical address 0x" + Long.toHexString(entry)
                + " in " + file.name() + ": reserved page-size bit set: 0x" + Long.toHexString(banner), e.getMessage());
    }

    @Test
    void translationIsCheapAfterTheFirstWalk() throws IOException {
        KernelCores.assumeDumps();
        for (KernelDump d : List.of(KernelDump.LIVE_ELF_PHYSICAL, KernelDump.LIVE_DISKDUMP, KernelDump.LIVE_FLATTENED)) {
            KernelMemory km = open(d);
            long base = sym("_stext") + km.kaslrOffset();
            long t0 = System.nanoTime();
            byte[] buf = new byte[4096];
            for (int i = 0; i < 4096; i++) km.read(base + (long) i * 4096 % (8 << 20), buf, 0, 4096, false);
            long t1 = System.nanoTime();
            System.out.printf("%-26s 4096 page reads of kernel text: %.1f ms%n", d.fileName(), (t1 - t0) / 1e6);
            assertTrue(t1 - t0 < 10_000_000_000L, "page reads took " + (t1 - t0) / 1e6 + " ms");
        }
    }

    private static String cstring(byte[] b, int off) {
        int end = off;
        while (b[end] != 0) end++;
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }
}
