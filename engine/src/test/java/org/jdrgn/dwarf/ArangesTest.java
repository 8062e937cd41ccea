package org.jdrgn.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.testcores.KernelCores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** .debug_aranges against readelf --debug-dump=aranges: every set's unit offset and tuples. */
class ArangesTest {
    static Stream<Path> files() {
        List<Path> l = new ArrayList<>(DwarfFiles.testBinaries());
        l.add(DwarfFiles.LIBC_DEBUG);
        if (KernelCores.dumpsAvailable()) l.add(KernelCores.vmlinux());
        return l.stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void setsMatchReadelf(Path file) throws IOException {
        ByteSlice sec = ElfFile.open(file).sectionData(".debug_aranges").orElseThrow();
        Map<Long, List<AddressRange>> ours = new TreeMap<>(Aranges.byUnit(sec));
        Map<Long, List<AddressRange>> readelf = new TreeMap<>();
        List<AddressRange> current = null;
        for (String line : DwarfFiles.run("readelf", "-wN", "--debug-dump=aranges", file.toString())) {
            String t = line.trim();
            if (t.startsWith("Offset into .debug_info:")) {
                long unit = Long.decode(t.substring(t.indexOf(':') + 1).trim());
                current = readelf.computeIfAbsent(unit, k -> new ArrayList<>());
            } else if (current != null && t.matches("[0-9a-f]{8,16} [0-9a-f]{8,16}")) {
                String[] f = t.split(" ");
                long begin = Long.parseUnsignedLong(f[0], 16), size = Long.parseUnsignedLong(f[1], 16);
                if (begin == 0 && size == 0) continue;            // readelf prints the terminator
                current.add(new AddressRange(begin, begin + size));
            }
        }
        assertTrue(readelf.size() >= 1, "readelf listed no sets for " + file);
        assertEquals(readelf, ours, file.toString());
    }

    @Test
    void truncatedSetIsAFormatError() {
        // a set claiming 0x40 bytes in a 12-byte section
        byte[] b = {0x40, 0, 0, 0, 2, 0, 0, 0, 0, 0, 8, 0};
        FormatException e = assertThrows(FormatException.class, () -> Aranges.byUnit(ByteSlice.of(b, ".debug_aranges")));
        assertTrue(e.getMessage().contains(".debug_aranges"), e.getMessage());
    }
}
