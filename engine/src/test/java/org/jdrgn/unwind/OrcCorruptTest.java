package org.jdrgn.unwind;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.SectionHeader;
import org.jdrgn.error.FaultException;
import org.jdrgn.program.LoadedModules;
import org.jdrgn.program.Module;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.unwind.tables.OrcEntry;
import org.jdrgn.unwind.tables.OrcTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Damaged ORC tables — built from the first entries of the real vmlinux's, then cut or
 * scrambled — give a FormatException naming the section and offset, and a trace through them
 * ends with a {@link StopReason.BadUnwindInfo} instead of an exception or a wrong frame.
 */
class OrcCorruptTest {
    private static final int N = 2000;
    private static long ipBase;
    private static byte[] ips, entries;

    @BeforeAll
    static void copyRealEntries() throws IOException {
        KernelCores.assumeDumps();
        ElfFile vmlinux = ElfFile.open(KernelCores.vmlinux());
        SectionHeader ip = vmlinux.section(".orc_unwind_ip").orElseThrow();
        ipBase = ip.addr();
        ips = vmlinux.sectionData(ip).bytes(0, 4 * N);
        entries = vmlinux.sectionData(".orc_unwind").orElseThrow().bytes(0, OrcEntry.SIZE * N);
    }

    private static OrcTable table(byte[] ip, byte[] un) {
        return new OrcTable(ByteSlice.of(ip, "test:.orc_unwind_ip"), ipBase, ByteSlice.of(un, "test:.orc_unwind"));
    }

    @Test
    void intactCopyIsUsable() {
        OrcTable t = table(ips, entries);
        assertEquals(N, t.size());
        for (int i = 0; i < N; i += 97) assertEquals(t.entry(i), t.find(t.ip(i)).orElseThrow(), "entry " + i);
        assertEquals(Optional.empty(), t.find(t.ip(0) - 1));
    }

    @Test
    void truncatedUnwindSection() {
        FormatException e = assertThrows(FormatException.class,
                () -> table(ips, java.util.Arrays.copyOf(entries, entries.length - 3)));
        assertTrue(e.getMessage().contains("test:.orc_unwind_ip") && e.getMessage().contains("test:.orc_unwind"), e.getMessage());
    }

    @Test
    void entriesOutOfOrder() {
        OrcTable t = table(disorder(), entries);
        long pc = t.ip(5);
        FormatException e = assertThrows(FormatException.class, () -> t.find(pc));
        assertEquals("test:.orc_unwind_ip", e.where());
        assertEquals(4L * 11, e.offset());
        assertThrows(FormatException.class, () -> t.find(pc));      // every lookup, not just the first
    }

    @Test
    void registerCodeThatDoesNotExist() {
        byte[] un = entries.clone();
        ByteBuffer.wrap(un).order(ByteOrder.LITTLE_ENDIAN).put(7 * OrcEntry.SIZE + 4, (byte) 0x0f);   // sp_reg 15
        OrcTable t = table(ips, un);
        FormatException e = assertThrows(FormatException.class, () -> t.entry(7));
        assertEquals(7L * OrcEntry.SIZE, e.offset());
    }

    /** A kernel-like module whose only unwind information is the scrambled table: the trace stops, marked. */
    @Test
    void traceThroughBadTableStopsCleanly() {
        OrcTable good = table(ips, entries);
        long lo = good.ip(0), hi = good.ip(N - 1);
        ElfFile elf = ElfFile.of(ByteSlice.of(tinyElf(new java.util.LinkedHashMap<>(Map.of(".orc_unwind_ip", disorder())), ipBase),
                "bad-orc.elf"), "bad-orc.elf");
        Module m = new Module("kernel", Module.Kind.MAIN, lo, hi, 0, Optional.empty(), Optional.of(elf), Optional.empty());
        Unwinder u = new Unwinder(UnwindArch.X86_64, (a, dst, off, len, phys) -> { throw new FaultException("not in test", a); },
                Optional.of(new LoadedModules(List.of(m))), true);
        StackTrace st = u.unwind(Map.of("rip", good.ip(100), "rsp", 0x10000L));
        assertEquals(1, st.frames().size(), st.toString());
        StopReason.BadUnwindInfo r = assertInstanceOf(StopReason.BadUnwindInfo.class, st.stopReason(), st.toString());
        assertTrue(r.message().contains("not sorted"), r.message());
    }

    /** The ips with entry 11's pc moved below entry 10's. */
    private static byte[] disorder() {
        byte[] ip = ips.clone();
        ByteBuffer b = ByteBuffer.wrap(ip).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(44, b.getInt(40) + 4 - 0x100);
        return ip;
    }

    /** An ELF64 x86-64 file with these sections, the first at {@code addr}, then .orc_unwind and .shstrtab. */
    private static byte[] tinyElf(java.util.LinkedHashMap<String, byte[]> sections, long addr) {
        sections.put(".orc_unwind", entries);
        List<String> names = List.copyOf(sections.keySet());
        StringBuilder strtab = new StringBuilder("\0.shstrtab\0");
        int dataStart = 64, size = dataStart;
        for (String n : names) size += sections.get(n).length;
        for (String n : names) strtab.append(n).append('\0');
        byte[] str = strtab.toString().getBytes(StandardCharsets.US_ASCII);
        int shoff = (size + str.length + 7) & ~7, shnum = names.size() + 2;
        ByteBuffer b = ByteBuffer.allocate(shoff + 64 * shnum).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1}).position(16);
        b.putShort((short) 2).putShort((short) 62).putInt(1).putLong(0).putLong(0).putLong(shoff).putInt(0)
                .putShort((short) 64).putShort((short) 56).putShort((short) 0).putShort((short) 64)
                .putShort((short) shnum).putShort((short) 1);
        int off = dataStart, nameOff = 11;
        b.position(shoff + 64);                                     // [0] is SHT_NULL
        b.putInt(1).putInt(3).putLong(0).putLong(0).putLong(size).putLong(str.length).putInt(0).putInt(0).putLong(1).putLong(0);
        for (String n : names) {
            byte[] data = sections.get(n);
            b.put(off, data);
            b.putInt(nameOff).putInt(1).putLong(2).putLong(addr).putLong(off).putLong(data.length)
                    .putInt(0).putInt(0).putLong(1).putLong(0);
            addr += data.length;
            off += data.length;
            nameOff += n.length() + 1;
        }
        b.put(size, str);
        return b.array();
    }
}
