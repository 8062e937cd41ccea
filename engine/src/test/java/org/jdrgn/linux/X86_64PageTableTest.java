package org.jdrgn.linux;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import org.jdrgn.core.Memory;
import org.jdrgn.core.SegmentMemory;
import org.jdrgn.error.FaultException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Page tables built by hand in a mock physical memory (64 pages at 0, one 2 MiB page at
 * 2 MiB... as the Intel SDM lays out 4- and 5-level paging): 4 KiB, 2 MiB and 1 GiB pages,
 * not-present and garbage entries, and a bootstrap from VMCOREINFO with a negative phys_base.
 */
@Timeout(10)
class X86_64PageTableTest {
    private static final long P = 1, RW = 2, PS = 0x80, NX = 1L << 63;
    private final ByteBuffer ram = ByteBuffer.allocate(64 * 4096).order(ByteOrder.LITTLE_ENDIAN);
    private final Memory phys;

    X86_64PageTableTest() {
        entry(1, 511, page(2) | P | RW);            // PGD[511] -> PUD at page 2
        entry(2, 510, page(3) | P | RW);            // PUD[510] -> PMD at page 3
        entry(3, 0, page(4) | P | RW);              // PMD[0] -> PT at page 4
        entry(4, 5, page(32) | P | RW | NX);        // PTE[5] -> page 32
        entry(4, 7, page(33) | P);                  // PTE[7] -> page 33 (PTE[6] not present)
        entry(3, 1, 0x200000 | PS | P);             // PMD[1] -> 2 MiB page at 2 MiB
        entry(1, 256, page(5) | P);                 // PGD[256] -> PUD at page 5
        entry(5, 3, 0x40000000L | PS | P);          // PUD[3] -> 1 GiB page at 1 GiB
        entry(5, 4, (1L << 50) | P);                // PUD[4]: frame beyond 46 physical bits
        entry(1, 300, page(7) | PS | P);            // PGD[300]: PS is reserved in a PGD entry
        entry(1, 301, 0x7000000 | P);               // PGD[301] -> a table outside the memory
        entry(6, 511, page(1) | P);                 // PML5[511] -> the PGD above, as a P4D
        for (int i = 0; i < 4096; i++) ram.put(32 * 4096 + i, (byte) i);
        for (int i = 0; i < 4096; i++) ram.put(33 * 4096 + i, (byte) ~i);
        byte[] bytes = ram.array();
        phys = new SegmentMemory().with(0, bytes.length, (o, d, off, len) -> System.arraycopy(bytes, (int) o, d, off, len), true);
    }

    private static long page(int n) { return n * 4096L; }

    private void entry(int table, int index, long value) { ram.putLong(table * 4096 + index * 8, value); }

    @Test
    void fourLevelWalks() {
        X86_64PageTable pt = new X86_64PageTable(phys, page(1), false, 46, "mock");
        assertEquals(new Translation(0xffffffff80005000L, page(32), 4096), pt.walk(0xffffffff80005123L));
        assertEquals(new Translation(0xffffffff80200000L, 0x200000, 2 << 20), pt.walk(0xffffffff80212345L));
        assertEquals(new Translation(0xffff8000c0000000L, 0x40000000L, 1L << 30), pt.walk(0xffff8000c1234567L));
        assertEquals(0x41234567L, pt.walk(0xffff8000c1234567L).physical(0xffff8000c1234567L));
    }

    @Test
    void faultsNameTheVirtualAddress() {
        X86_64PageTable pt = new X86_64PageTable(phys, page(1), false, 46, "mock");
        FaultException e = assertThrows(FaultException.class, () -> pt.walk(0xffffffff80006008L));
        assertEquals("address is not mapped: 0xffffffff80006008", e.getMessage());
        e = assertThrows(FaultException.class, () -> pt.walk(0x0000800000000000L));
        assertEquals(0x0000800000000000L, e.address());
        assertTrue(e.getMessage().startsWith("non-canonical"), e.getMessage());
        e = assertThrows(FaultException.class, () -> pt.walk(0xffff960000000000L)); // PGD[300]
        assertEquals("invalid PGD entry 0x7081 at physical address 0x1960 in mock: reserved page-size bit set: 0xffff960000000000",
                e.getMessage());
        e = assertThrows(FaultException.class, () -> pt.walk(0xffff800100000000L)); // PUD[4]
        assertTrue(e.getMessage().startsWith("invalid PUD entry 0x4000000000001 at physical address 0x5020 in mock: frame beyond"),
                e.getMessage());
        e = assertThrows(FaultException.class, () -> pt.walk(0xffff968000000000L)); // PGD[301] -> missing table
        assertEquals(0xffff968000000000L, e.address());
        assertTrue(e.getMessage().startsWith("PUD entry at physical address 0x7000000 is not in mock (could not find memory segment)"),
                e.getMessage());
    }

    @Test
    void fiveLevelWalks() {
        X86_64PageTable pt = new X86_64PageTable(phys, page(6), true, 52, "mock");
        assertEquals(page(32) + 0x10, pt.walk(0xffffffff80005010L).physical(0xffffffff80005010L));
        assertThrows(FaultException.class, () -> pt.walk(0x00ff_ffff_8000_5000L), "non-canonical at 57 bits");
        assertEquals("address is not mapped: 0xff00000000000000",
                assertThrows(FaultException.class, () -> pt.walk(0xff00000000000000L)).getMessage());
    }

    @Test
    void kernelMemoryBootstrapsFromVmcoreinfo() {
        long physBase = -0xC000000L; // negative, as in the real dumps
        long swapper = page(1) - physBase + VmcoreInfo.START_KERNEL_MAP;
        VmcoreInfo info = new VmcoreInfo(Map.of("SYMBOL(swapper_pg_dir)", Long.toHexString(swapper),
                "NUMBER(phys_base)", Long.toString(physBase), "KERNELOFFSET", "0", "NUMBER(MAX_PHYSMEM_BITS)", "46"));
        KernelMemory km = KernelMemory.of(phys, false, info, VmlinuxSymbols.NONE, "mock");
        assertEquals(page(1), km.pageTable().root());
        byte[] got = km.read(0xffffffff80005ff8L, 8, false);
        for (int i = 0; i < 8; i++) assertEquals((byte) (0xff8 + i), got[i]);
        // a read running off the mapped page fails at the first unmapped byte
        FaultException e = assertThrows(FaultException.class, () -> km.read(0xffffffff80005ff8L, 16, false));
        assertEquals("address is not mapped: 0xffffffff80006000", e.getMessage());
        assertEquals((byte) ~0x10, km.read(0xffffffff80007010L, 1, false)[0]);
        // the large page's memory is past the mock's 256 KiB: the fault names the virtual address
        e = assertThrows(FaultException.class, () -> km.read(0xffffffff80200010L, 1, false));
        assertEquals("could not find memory segment: 0xffffffff80200010", e.getMessage());
        assertEquals(KernelMemory.DEFAULT_PAGE_OFFSET, km.pageOffsetBase(), "no vmlinux: the default");
    }
}
