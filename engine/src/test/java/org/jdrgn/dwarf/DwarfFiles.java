package org.jdrgn.dwarf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.testcores.TestCores;

/** Test material: DWARF from real files (ELF layer decompresses sections) and tool output. */
public final class DwarfFiles {
    private DwarfFiles() {}

    public static final Path LIBC_DEBUG = Path.of("/usr/lib/debug/.build-id/93/ac61ec5a8eb1396f9fbd350e3169a558528a40.debug");

    public static DwarfSections sections(Path elf) {
        try {
            ElfFile f = ElfFile.open(elf);
            return DwarfSections.of(n -> f.sectionData(n).orElse(null), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Dwarf open(Path elf) { return Dwarf.open(sections(elf)); }

    /** The testcores executables: variant/prog (DWARF 4 and 5, -O0/-O2, PIE, static). */
    public static List<Path> testBinaries() {
        List<Path> out = new ArrayList<>();
        for (String core : TestCores.list()) {
            Path p = TestCores.binaryFor(core);
            if (!out.contains(p)) out.add(p);
        }
        return out;
    }

    /** Runs a tool and returns its stdout lines. */
    public static List<String> run(String... cmd) {
        try {
            Path out = Files.createTempFile("dwarf-tool", ".txt");
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timeout: " + String.join(" ", cmd));
            }
            List<String> lines = Files.readAllLines(out);
            Files.delete(out);
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
