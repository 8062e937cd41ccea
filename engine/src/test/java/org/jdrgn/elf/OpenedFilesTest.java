package org.jdrgn.elf;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ElfFile.open shares one object (and its derived structures) per unchanged file, and only then. */
class OpenedFilesTest {
    private static final String CORE = "threads_O2-dw5-pie.gcore";

    @Test
    void unchangedFileIsSharedChangedFileIsNot(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("threads");
        Files.copy(TestCores.binaryFor(CORE), copy);
        ElfFile a = ElfFile.open(copy);
        Object parsed = a.derived("probe", () -> new Object());
        ElfFile b = ElfFile.open(copy);
        assertSame(a, b);
        assertSame(parsed, b.derived("probe", () -> new Object()));

        // touched: same bytes, later mtime -> a fresh mapping with nothing derived yet
        Files.setLastModifiedTime(copy, FileTime.fromMillis(Files.getLastModifiedTime(copy).toMillis() + 2000));
        ElfFile c = ElfFile.open(copy);
        assertNotSame(a, c);
        assertNotSame(parsed, c.derived("probe", () -> new Object()));
        assertSame(c, ElfFile.open(copy));

        // replaced by another file (new inode) with the same size and mtime: not shared either
        Path other = dir.resolve("other");
        Files.copy(copy, other, StandardCopyOption.COPY_ATTRIBUTES);
        Files.move(other, copy, StandardCopyOption.REPLACE_EXISTING);
        ElfFile d = ElfFile.open(copy);
        assertNotSame(c, d);
        assertEquals(c.buildId(), d.buildId());
        assertTrue(c.buildId().isPresent());
    }

    @Test
    void bytesNotFromAFileAreNeverShared() throws Exception {
        Path bin = TestCores.binaryFor(CORE);
        ElfFile mapped = ElfFile.open(bin);
        ElfFile x = ElfFile.of(mapped.data(), "copy"), y = ElfFile.of(mapped.data(), "copy");
        assertNotSame(x, y);
        assertTrue(x.path().isEmpty());
        assertEquals(mapped.sections().size(), x.sections().size());
    }
}
