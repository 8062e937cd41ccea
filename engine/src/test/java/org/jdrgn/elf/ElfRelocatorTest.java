package org.jdrgn.elf;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.testcores.KernelCores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupt relocations in a real kernel module (.rela.debug_info of pvpanic.ko, one field
 * changed) end in a FormatException naming the section and the entry's offset, never in a
 * write outside the copy; files that are not relocatable x86-64 objects are refused.
 */
class ElfRelocatorTest {
    @TempDir Path tmp;

    private Path ko() {
        KernelCores.assumeDumps();
        return KernelCores.debugModules().stream().filter(p -> p.getFileName().toString().equals("pvpanic.ko")).findFirst().orElseThrow();
    }

    /** A copy of pvpanic.ko with the u64 at {@code field} of the first .rela.debug_info entry set to {@code value}. */
    private ElfFile corrupt(int field, long value) throws IOException {
        ElfFile f = ElfFile.open(ko());
        SectionHeader rela = f.section(".rela.debug_info").orElseThrow();
        byte[] b = Files.readAllBytes(ko());
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong((int) (rela.offset() + field), value);
        Path out = tmp.resolve("pvpanic-" + field + ".ko");
        Files.write(out, b);
        return ElfFile.open(out);
    }

    private static String relocateFails(ElfFile f) {
        return assertThrows(FormatException.class, () -> ElfRelocator.place(f, s -> 0x1000)).getMessage();
    }

    @Test
    void offsetOutsideTheSection() throws IOException {
        String m = relocateFails(corrupt(0, 0x7fff_ffff_0000L));
        assertTrue(m.contains("[.rela.debug_info]") && m.contains("outside .debug_info"), m);
    }

    @Test
    void symbolIndexOutOfRange() throws IOException {
        String m = relocateFails(corrupt(8, (0xffffL << 32) | ElfRelocator.R_X86_64_32));
        assertTrue(m.contains("[.rela.debug_info]") && m.contains("bad symbol index 65535"), m);
    }

    @Test
    void unknownRelocationType() throws IOException {
        String m = relocateFails(corrupt(8, (1L << 32) | 99));
        assertTrue(m.contains("unsupported x86-64 relocation type 99"), m);
    }

    @Test
    void onlyRelocatableFiles() throws IOException {
        byte[] b = Files.readAllBytes(ko());
        b[16] = ElfConstants.ET_EXEC;
        Path out = tmp.resolve("exec.ko");
        Files.write(out, b);
        ElfFile f = ElfFile.open(out);
        var e = assertThrows(ElfFormatException.class, () -> ElfRelocator.place(f, s -> 0));
        assertTrue(e.getMessage().contains("not a relocatable file"), e.getMessage());
    }

    /** The original stays as it was: the relocated file is a copy (section addresses, symbols). */
    @Test
    void theFileItselfIsUnchanged() throws IOException {
        ElfFile f = ElfFile.open(ko());
        ElfFile placed = ElfRelocator.place(f, s -> 0xffffffffc0000000L);
        SectionHeader text = placed.section(".text").orElseThrow();
        assertEquals(0xffffffffc0000000L, text.addr());
        assertEquals(0, f.section(".text").orElseThrow().addr());
        ElfSymbol notify = placed.symbols().stream().filter(s -> s.name().equals("pvpanic_panic_notify")).findFirst().orElseThrow();
        ElfSymbol before = f.symbols().stream().filter(s -> s.name().equals("pvpanic_panic_notify")).findFirst().orElseThrow();
        assertEquals(before.value() + 0xffffffffc0000000L, notify.value());
    }
}
