package org.jdrgn.core;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import org.jdrgn.elf.ElfConstants;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.ProgramHeader;
import org.jdrgn.error.FaultException;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ELF kernel cores: physical reads through p_paddr, virtual reads through p_vaddr where the
 * dump has kernel virtual addresses; QEMU's paging=true and paging=false dumps of one VM
 * state hold the same physical bytes.
 */
class ElfVmcoreTest {
    @ParameterizedTest
    @EnumSource(value = KernelDump.class, names = {"LIVE_ELF_PAGING", "PANIC_ELF_PAGING"})
    void pagingDumpMatchesPhysicalDump(KernelDump d) throws IOException {
        KernelCores.assumeDumps();
        ElfVmcore paging = (ElfVmcore) KernelDumpFile.open(KernelCores.dump(d));
        KernelDumpFile phys = KernelDumpFile.open(KernelCores.dump(
                d == KernelDump.LIVE_ELF_PAGING ? KernelDump.LIVE_ELF_PHYSICAL : KernelDump.PANIC_ELF_PHYSICAL));
        assertTrue(paging.hasVirtualAddresses());
        assertFalse(phys.hasVirtualAddresses());
        int n = 0, ambiguous = 0;
        for (ProgramHeader p : paging.elf().programHeaders()) {
            if (p.type() != ElfConstants.PT_LOAD) continue;
            if (Long.compareUnsigned(p.vaddr(), 0xffff800000000000L) < 0) {
                // QEMU's user mappings of every CPU (top bits forced to 1s): ambiguous ones are dropped
                if (!mappedOnce(paging.elf(), p)) {
                    assertThrows(FaultException.class, () -> paging.memory().read(p.vaddr(), 1, false));
                    ambiguous++;
                }
                continue;
            }
            for (long at : new long[] {0, p.filesz() / 2 & -8, p.filesz() - 64}) {
                byte[] v = paging.memory().read(p.vaddr() + at, 64, false);
                assertArrayEquals(paging.memory().read(p.paddr() + at, 64, true), v, "paging dump: vaddr 0x"
                        + Long.toHexString(p.vaddr() + at) + " paddr 0x" + Long.toHexString(p.paddr() + at) + " " + p);
                assertArrayEquals(phys.memory().read(p.paddr() + at, 64, true), v,
                        "vaddr 0x" + Long.toHexString(p.vaddr() + at) + " paddr 0x" + Long.toHexString(p.paddr() + at));
                n++;
            }
        }
        assertTrue(n > 300, "segments compared: " + n);
        System.out.printf("%s: %d PT_LOADs compared, %d ambiguous user mappings dropped%n", d, n / 3, ambiguous);
    }

    /** True unless another PT_LOAD maps p's first virtual page to a different physical one. */
    private static boolean mappedOnce(ElfFile elf, ProgramHeader p) {
        return elf.programHeaders().stream().noneMatch(o -> o != p && o.type() == ElfConstants.PT_LOAD
                && Long.compareUnsigned(p.vaddr() - o.vaddr(), o.memsz()) < 0 && o.vaddr() - o.paddr() != p.vaddr() - p.paddr());
    }

    @Test
    void physicalDumpFaults() throws IOException {
        KernelCores.assumeDumps();
        KernelDumpFile f = KernelDumpFile.open(KernelCores.dump(KernelDump.LIVE_ELF_PHYSICAL));
        ElfFile elf = ((ElfVmcore) f).elf();
        // QEMU leaves the legacy VGA hole 0xa0000-0xc0000 out of its PT_LOADs (readelf -l)
        ProgramHeader first = elf.programHeaders().stream().filter(p -> p.type() == ElfConstants.PT_LOAD).findFirst().orElseThrow();
        long hole = first.paddr() + first.memsz();
        FaultException e = assertThrows(FaultException.class, () -> f.memory().read(hole, 4, true));
        assertEquals("could not find memory segment: 0x" + Long.toHexString(hole), e.getMessage());
        // a read running from the segment into the hole fails at the hole's first byte
        e = assertThrows(FaultException.class, () -> f.memory().read(hole - 2, 4, true));
        assertEquals(hole, e.address());
        e = assertThrows(FaultException.class, () -> f.memory().read(0xffffffff81000000L, 4, false));
        assertEquals("could not find memory segment: 0xffffffff81000000", e.getMessage());
    }
}
