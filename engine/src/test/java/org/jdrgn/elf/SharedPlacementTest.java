package org.jdrgn.elf;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.jdrgn.testcores.KernelCores;
import org.junit.jupiter.api.Test;

/**
 * A kernel module's relocated copy is made once per placement and kept on the .ko's ElfFile,
 * so Programs over the same dump share it; a module placed at other addresses gets its own
 * copy, relocated for those addresses (checked against readelf's symbol value).
 */
class SharedPlacementTest {
    private static final long BASE = 0xffffffffc0000000L, OTHER = 0xffffffffc0200000L;

    private static Path ko() {
        KernelCores.assumeDumps();
        return KernelCores.debugModules().stream().filter(p -> p.getFileName().toString().equals("pvpanic.ko")).findFirst().orElseThrow();
    }

    private static long notify(ElfFile placed) {
        return placed.symbols().stream().filter(s -> s.name().equals("pvpanic_panic_notify")).findFirst().orElseThrow().value();
    }

    @Test
    void samePlacementSharedOtherPlacementNot() throws Exception {
        ElfFile ko = ElfFile.open(ko());
        ElfFile a = ElfRelocator.placeShared(ko, s -> s.name().equals(".text") ? BASE : 0);
        ElfFile b = ElfRelocator.placeShared(ElfFile.open(ko()), s -> s.name().equals(".text") ? BASE : 0);
        assertSame(a, b, "same file, same section addresses: one copy");
        ElfFile c = ElfRelocator.placeShared(ko, s -> s.name().equals(".text") ? OTHER : 0);
        assertNotSame(a, c);
        long value = readelfValue(ko(), "pvpanic_panic_notify");
        assertEquals(BASE + value, notify(a));
        assertEquals(OTHER + value, notify(c));
        assertEquals(0, ko.section(".text").orElseThrow().addr(), "the .ko itself is untouched");
    }

    /** The symbol's (section-relative) value as readelf prints it. */
    private static long readelfValue(Path elf, String name) throws Exception {
        Process p = new ProcessBuilder("readelf", "-Ws", elf.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 8 && f[7].equals(name) && f[3].equals("FUNC")) return Long.parseUnsignedLong(f[1], 16);
        }
        return fail("readelf lists no " + name);
    }
}
