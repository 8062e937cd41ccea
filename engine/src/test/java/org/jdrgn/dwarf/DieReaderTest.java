package org.jdrgn.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every DIE, tag, attribute name and selected values, cross-checked against readelf. */
class DieReaderTest {
    static Stream<Path> files() {
        List<Path> l = new ArrayList<>(DwarfFiles.testBinaries());
        l.add(DwarfFiles.LIBC_DEBUG);
        return l.stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void diesMatchReadelf(Path file) {
        Dwarf dw = DwarfFiles.open(file);
        assertEquals(ReadelfInfo.units(file), dw.units().size(), "unit count");
        List<String> expected = ReadelfInfo.dies(file);
        List<String> actual = new ArrayList<>();
        for (Unit u : dw.units()) {
            DieCursor c = new DieCursor(u);
            for (Die d = c.next(); d != null; d = c.next()) actual.add(describe(d, c.depth()));
        }
        assertTrue(expected.size() > 100, "readelf output parsed");
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "DIE #" + i);
        }
        assertEquals(expected.size(), actual.size(), "DIE count");
    }

    static String describe(Die d, int depth) {
        StringBuilder sb = new StringBuilder(depth + " " + Long.toHexString(d.offset()) + " " + DwNames.tag(d.tag()));
        for (Attribute a : d.attributes()) {
            String at = DwNames.at(a.name());
            sb.append(" | ").append(at);
            if (ReadelfInfo.comparedString(at)) {
                sb.append('=').append(d.unit().string(a.value()));
            } else if (ReadelfInfo.comparedRef(at)) {
                switch (a.value()) {
                    case AttrValue.UnitRef r -> sb.append('=').append(r.offset());
                    case AttrValue.InfoRef r -> sb.append('=').append(r.offset());
                    default -> { }
                }
            } else if (ReadelfInfo.comparedNumber(at)) {
                switch (a.value()) {
                    case AttrValue.Data x -> sb.append('=').append(Long.toUnsignedString(x.value()));
                    case AttrValue.Sdata x when x.value() >= 0 -> sb.append('=').append(x.value());
                    default -> { }
                }
            }
        }
        return sb.toString();
    }
}
