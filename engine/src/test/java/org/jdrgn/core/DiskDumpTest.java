package org.jdrgn.core;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import org.jdrgn.error.FaultException;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every diskdump (makedumpfile -c of an ELF, makedumpfile -R of QEMU's flattened output, and
 * the flattened file itself) gives byte-identical pages to the ELF dump it was made from, for
 * a spread of page frames; pages makedumpfile filtered out fault as not saved.
 */
class DiskDumpTest {
    /** The ELF dump each compressed one holds the memory of (same VM state, same moment). */
    static KernelDump elfSource(KernelDump d) {
        return switch (d.state()) {
            case LIVE -> KernelDump.LIVE_ELF_PHYSICAL;
            case PANIC -> KernelDump.PANIC_ELF_PHYSICAL;
            case KDUMP -> KernelDump.KDUMP_ELF;
        };
    }

    @ParameterizedTest
    @EnumSource(value = KernelDump.class, names = {"LIVE_DISKDUMP", "PANIC_DISKDUMP", "KDUMP_DISKDUMP",
            "LIVE_UNFLATTENED", "PANIC_UNFLATTENED", "LIVE_FLATTENED", "PANIC_FLATTENED"})
    void pagesEqualTheElfSource(KernelDump d) throws IOException {
        KernelCores.assumeDumps();
        DiskDump dd = (DiskDump) KernelDumpFile.open(KernelCores.dump(d));
        KernelDumpFile elf = KernelDumpFile.open(KernelCores.dump(elfSource(d)));
        assertEquals(d.format() == KernelDump.Format.FLATTENED ? KernelDumpFormat.FLATTENED : KernelDumpFormat.DISKDUMP,
                dd.format());
        assertEquals("x86_64", dd.header().machine());
        assertEquals(4096, dd.pageSize());
        assertTrue(dd.vmcoreinfo().orElseThrow().contains("OSRELEASE=" + KernelCores.release()), d.toString());
        assertEquals(KernelDumpFile.vmcoreinfoNote(elf.notes()), dd.vmcoreinfo(), "VMCOREINFO differs from the ELF note");
        int compared = comparePages(dd, elf, 61);
        assertTrue(compared > dd.maxMapnr() / 61 / 20, d + ": only " + compared + " dumped pages compared");
    }

    /** Compares every step-th page frame; returns how many dumped pages were equal. */
    static int comparePages(DiskDump dd, KernelDumpFile elf, int step) {
        int compared = 0, filtered = 0;
        byte[] a = new byte[4096], b = new byte[4096];
        for (long pfn = 0; pfn < dd.maxMapnr(); pfn += step) {
            long addr = pfn * 4096;
            if (dd.isDumped(pfn)) {
                dd.memory().read(addr + 8, a, 8, 4088, true); // an unaligned start too
                dd.memory().read(addr, a, 0, 8, true);
                elf.memory().read(addr, b, 0, 4096, true);
                assertArrayEquals(b, a, dd.name() + ": pfn 0x" + Long.toHexString(pfn));
                compared++;
            } else if (dd.isPresent(pfn)) {
                FaultException e = assertThrows(FaultException.class, () -> dd.memory().read(addr, 1, true));
                assertEquals("memory not saved in core dump: 0x" + Long.toHexString(addr), e.getMessage());
                filtered++;
            }
        }
        System.out.printf("%s: %d dumped pages equal, %d filtered, step %d%n", dd.name(), compared, filtered, step);
        return compared;
    }

    @ParameterizedTest
    @EnumSource(value = KernelDump.class, names = {"LIVE_DISKDUMP", "KDUMP_DISKDUMP"})
    void outsideTheBitmapsIsNoSegment(KernelDump d) throws IOException {
        KernelCores.assumeDumps();
        DiskDump dd = (DiskDump) KernelDumpFile.open(KernelCores.dump(d));
        long past = dd.maxMapnr() * 4096;
        FaultException e = assertThrows(FaultException.class, () -> dd.memory().read(past, 4, true));
        assertEquals("could not find memory segment: 0x" + Long.toHexString(past), e.getMessage());
        assertThrows(FaultException.class, () -> dd.memory().read(0xffffffff81000000L, 4, false),
                "a diskdump has no virtual addresses of its own");
        assertFalse(dd.hasVirtualAddresses());
        // 2 CPUs: one NT_PRSTATUS each, and the VMCOREINFO note
        assertEquals(2, dd.notes().stream().filter(n -> n.name().equals("CORE") && n.type() == 1).count());
        assertEquals(2, dd.header().nrCpus());
    }
}
