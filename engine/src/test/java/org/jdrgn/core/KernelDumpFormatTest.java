package org.jdrgn.core;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each dump file is recognised by its first bytes; anything else is refused by name. */
class KernelDumpFormatTest {
    @Test
    void everyDumpOpensInItsFormat() throws IOException {
        KernelCores.assumeDumps();
        for (KernelDump d : KernelDump.values()) {
            ByteSlice head = ByteSlice.map(KernelCores.dump(d));
            KernelDumpFormat want = switch (d.format()) {
                case ELF_PHYSICAL, ELF_PAGING, ELF_KDUMP -> KernelDumpFormat.ELF;
                case FLATTENED -> KernelDumpFormat.FLATTENED;
                case DISKDUMP, DISKDUMP_QEMU -> KernelDumpFormat.DISKDUMP;
            };
            assertEquals(want, KernelDumpFormat.detect(head), d.toString());
            KernelDumpFile f = KernelDumpFile.open(KernelCores.dump(d));
            assertEquals(want, f.format());
            assertEquals(d.format() == KernelDump.Format.ELF_PAGING || d.format() == KernelDump.Format.ELF_KDUMP,
                    f.hasVirtualAddresses(), d.toString());
            assertTrue(f.vmcoreinfo().isPresent(), d + " has VMCOREINFO");
        }
    }

    @Test
    void otherFilesAreRefusedByName(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello, this is no dump");
        FormatException e = assertThrows(FormatException.class, () -> KernelDumpFile.open(text));
        assertEquals(text.toString(), e.where());
        assertTrue(e.getMessage().contains("not a kernel core dump") && e.getMessage().contains("68656c6c6f"), e.getMessage());
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        e = assertThrows(FormatException.class, () -> KernelDumpFile.open(empty));
        assertTrue(e.getMessage().contains("empty file"), e.getMessage());
        // an ELF that is not a core: the test JVM's own java binary is ET_DYN
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        e = assertThrows(FormatException.class, () -> KernelDumpFile.open(java));
        assertTrue(e.getMessage().contains("not a core dump (e_type 3)"), e.getMessage());
    }
}
