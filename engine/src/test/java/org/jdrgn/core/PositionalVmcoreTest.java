package org.jdrgn.core;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.elf.ElfConstants;
import org.jdrgn.elf.ElfNote;
import org.jdrgn.elf.ProgramHeader;
import org.jdrgn.error.FaultException;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ELF cores read with positional reads into heap buffers, as /proc/kcore must be (it cannot
 * be mapped and its st_size is not its size): on the real dumps, headers, notes and memory
 * equal the mapped reading; a file whose st_size lies still opens; reads past the file's real
 * end and read errors (kcore's EIO) are FaultExceptions naming the address.
 */
class PositionalVmcoreTest {
    @TempDir Path tmp;

    @ParameterizedTest
    @EnumSource(value = KernelDump.class, names = {"KDUMP_ELF", "LIVE_ELF_PAGING", "PANIC_ELF_PAGING"})
    void sameHeadersNotesAndMemoryAsMapped(KernelDump d) throws IOException {
        KernelCores.assumeDumps();
        ElfVmcore mapped = (ElfVmcore) KernelDumpFile.open(KernelCores.dump(d));
        ElfVmcore pread = KernelDumpFile.openPositional(KernelCores.dump(d));
        assertEquals(mapped.elf().programHeaders().stream().filter(p -> p.type() == ElfConstants.PT_LOAD).toList(),
                pread.elf().programHeaders().stream().filter(p -> p.type() == ElfConstants.PT_LOAD).toList());
        assertEquals(mapped.elf().sections().stream().map(s -> s.name()).toList(),
                pread.elf().sections().stream().map(s -> s.name()).toList());
        assertEquals(mapped.notes().size(), pread.notes().size());
        for (int i = 0; i < mapped.notes().size(); i++) {
            ElfNote a = mapped.notes().get(i), b = pread.notes().get(i);
            assertEquals(a.name() + "/" + a.type(), b.name() + "/" + b.type());
            assertArrayEquals(a.desc().bytes(0, (int) a.desc().size()), b.desc().bytes(0, (int) b.desc().size()));
        }
        assertTrue(pread.vmcoreinfo().orElseThrow().contains("OSRELEASE=" + KernelCores.release()));
        assertEquals(mapped.hasVirtualAddresses(), pread.hasVirtualAddresses());
        int compared = 0;
        for (ProgramHeader p : mapped.elf().programHeaders()) {
            if (p.type() != ElfConstants.PT_LOAD || p.filesz() < 4096) continue;
            for (long at : new long[] {0, p.filesz() / 2 & -8, p.filesz() - 4096}) {
                for (boolean phys : new boolean[] {false, true}) {
                    long addr = (phys ? p.paddr() : p.vaddr()) + at;
                    byte[] want;
                    try {
                        want = mapped.memory().read(addr, 4096, phys);
                    } catch (FaultException e) { // an ambiguous QEMU user mapping: both must fault
                        assertEquals(e.getMessage(), assertThrows(FaultException.class,
                                () -> pread.memory().read(addr, 4096, phys)).getMessage());
                        continue;
                    }
                    assertArrayEquals(want, pread.memory().read(addr, 4096, phys), d + " 0x" + Long.toHexString(addr));
                    compared++;
                }
            }
        }
        assertTrue(compared >= 12, "pages compared: " + compared);
        System.out.printf("%s: %d pages equal through positional reads%n", d, compared);
    }

    /**
     * A cut copy of the real kdump (headers, notes and the first MiB of its first PT_LOAD),
     * then the same extended to 1 TiB past its end (sparse), as kcore's st_size overstates.
     */
    @Test
    void sizeThatLiesAndReadsPastTheEnd() throws IOException {
        KernelCores.assumeDumps();
        ElfVmcore whole = (ElfVmcore) KernelDumpFile.open(KernelCores.dump(KernelDump.KDUMP_ELF));
        ProgramHeader first = whole.elf().programHeaders().stream().filter(p -> p.type() == ElfConstants.PT_LOAD).findFirst().orElseThrow();
        long keep = first.offset() + (1 << 20);
        Path cut = tmp.resolve("vmcore-cut.elf");
        try (InputStream in = Files.newInputStream(KernelCores.dump(KernelDump.KDUMP_ELF)); OutputStream out = Files.newOutputStream(cut)) {
            out.write(in.readNBytes((int) keep));
        }
        ElfVmcore pread = KernelDumpFile.openPositional(cut);
        long base = first.vaddr();
        assertArrayEquals(whole.memory().read(base + 0x1000, 4096, false), pread.memory().read(base + 0x1000, 4096, false));
        // the file ends 1 MiB into the segment: a read across the end faults at the end
        FaultException e = assertThrows(FaultException.class, () -> pread.memory().read(base + (1 << 20) - 8, 16, false));
        assertEquals(base + (1 << 20), e.address());
        assertEquals("short read from memory file", e.bareMessage());
        // an address in no PT_LOAD
        FaultException none = assertThrows(FaultException.class, () -> pread.memory().read(0x1000, 8, false));
        assertEquals(0x1000, none.address());
        assertEquals("could not find memory segment", none.bareMessage());

        try (RandomAccessFile f = new RandomAccessFile(cut.toFile(), "rw")) {
            f.setLength(keep + (1L << 40));
        }
        assertEquals(keep + (1L << 40), Files.size(cut));
        for (KernelDumpFile lying : new KernelDumpFile[] {KernelDumpFile.open(cut), KernelDumpFile.openPositional(cut)}) {
            assertEquals(whole.vmcoreinfo(), lying.vmcoreinfo());
            assertArrayEquals(whole.memory().read(base + 0x1000, 4096, false), lying.memory().read(base + 0x1000, 4096, false));
            // the hole reads as zeros, as kcore's unbacked ranges may
            assertArrayEquals(new byte[16], lying.memory().read(base + (1 << 20), 16, false));
        }
    }

    /** /proc/kcore gives EIO for some ranges it cannot read: a FaultException at the address, as drgn. */
    @Test
    void readErrorIsFaultAtTheAddress() throws IOException {
        KernelCores.assumeDumps();
        ElfVmcore mapped = (ElfVmcore) KernelDumpFile.open(KernelCores.dump(KernelDump.KDUMP_ELF));
        ProgramHeader first = mapped.elf().programHeaders().stream().filter(p -> p.type() == ElfConstants.PT_LOAD).findFirst().orElseThrow();
        long bad = first.offset() + 0x3000;
        VmcoreBytes eio = new VmcoreBytes() {
            @Override public long size() { return Long.MAX_VALUE; }

            @Override public int read(long offset, byte[] dst, int off, int len) throws IOException {
                if (offset <= bad && bad < offset + len) throw new IOException("Input/output error");
                return len;
            }
        };
        ElfVmcore kcore = ElfVmcore.of(mapped.elf(), eio);
        assertEquals(8, kcore.memory().read(first.vaddr() + 0x1000, 8, false).length);
        FaultException e = assertThrows(FaultException.class, () -> kcore.memory().read(first.vaddr() + 0x3000, 8, false));
        assertEquals(first.vaddr() + 0x3000, e.address());
        assertEquals("could not read memory", e.bareMessage());
    }

    /** Older kernels' /proc/kcore has p_paddr 0 everywhere: physical reads fault rather than read the wrong bytes. */
    @Test
    void allZeroPaddrsGiveNoPhysicalView() throws IOException {
        KernelCores.assumeDumps();
        ElfVmcore mapped = (ElfVmcore) KernelDumpFile.open(KernelCores.dump(KernelDump.KDUMP_ELF));
        var h = mapped.elf().header();
        byte[] head = mapped.elf().data().bytes(0, (int) mapped.elf().programHeaders().stream()
                .filter(p -> p.type() == ElfConstants.PT_NOTE).mapToLong(p -> p.offset() + p.filesz()).max().orElseThrow());
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(head).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < h.phnum(); i++) b.putLong((int) (h.phoff() + (long) i * h.phentsize() + 24), 0);
        ElfVmcore old = ElfVmcore.of(org.jdrgn.elf.ElfFile.of(org.jdrgn.bytes.ByteSlice.of(head, "old-kcore"), "old-kcore"),
                VmcoreBytes.of(mapped.elf().data()));
        ProgramHeader first = mapped.elf().programHeaders().stream().filter(p -> p.type() == ElfConstants.PT_LOAD).findFirst().orElseThrow();
        assertArrayEquals(mapped.memory().read(first.vaddr(), 64, false), old.memory().read(first.vaddr(), 64, false));
        assertEquals(first.paddr(), assertThrows(FaultException.class, () -> old.memory().read(first.paddr(), 8, true)).address());
        assertEquals(0x1000, assertThrows(FaultException.class, () -> old.memory().read(0x1000, 8, true)).address());
    }

    @Test
    void procfsIsReadWithoutMapping() throws IOException {
        assertTrue(PositionalFile.inProcfs(Path.of("/proc/self/status")));
        assertFalse(PositionalFile.inProcfs(tmp));
        // a procfs file's st_size is 0 although it has bytes: positional reads do not stop there
        PositionalFile status = PositionalFile.open(Path.of("/proc/self/status"), false);
        assertEquals(0, Files.size(Path.of("/proc/self/status")));
        assertEquals("Name:", new String(status.readFully(0, 5, "status")));
        // not ELF: a format error, not a crash
        assertThrows(FormatException.class, () -> KernelDumpFile.openPositional(Path.of("/proc/self/status")));
    }
}
