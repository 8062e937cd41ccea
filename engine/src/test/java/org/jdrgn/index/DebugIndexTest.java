package org.jdrgn.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdrgn.dwarf.Die;
import org.jdrgn.dwarf.DwAt;
import org.jdrgn.dwarf.DwTag;
import org.jdrgn.dwarf.Dwarf;
import org.jdrgn.dwarf.DwarfFiles;
import org.jdrgn.dwarf.VariableLocation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The index over the testcores executables, cross-checked against their symbol tables (nm). */
class DebugIndexTest {
    static Stream<Path> typesBinaries() {
        return DwarfFiles.testBinaries().stream().filter(p -> p.getFileName().toString().equals("types"));
    }

    static Stream<Path> allBinaries() { return DwarfFiles.testBinaries().stream(); }

    /** nm's symbol -> value for data/bss/rodata/TLS objects ("calls.0" keeps its suffix). */
    static Map<String, Long> nm(Path file) {
        Map<String, Long> out = new HashMap<>();
        for (String l : DwarfFiles.run("nm", file.toString())) {
            String[] f = l.trim().split("\\s+");
            if (f.length == 3 && "dDbBrR".contains(f[1])) out.putIfAbsent(f[2], Long.parseUnsignedLong(f[0], 16));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("allBinaries")
    void everyGlobalVariableAddressMatchesNm(Path file) {
        Dwarf dw = DwarfFiles.open(file);
        DebugIndex index = new DebugIndex();
        IndexStats st = index.add(dw);
        assertEquals(dw.units().size(), st.units());
        Map<String, Long> syms = nm(file);
        int checked = 0;
        for (String name : index.names()) {
            for (IndexEntry e : index.lookup(name, EnumSet.of(IndexKind.VARIABLE))) {
                if (e.declaration() || !e.external()) continue;
                if (!(DebugIndex.location(e) instanceof VariableLocation.Address a)) continue;
                Long sym = syms.get(name);
                if (sym == null) continue; // e.g. a libc variable whose symbol nm lists with a version
                assertEquals(sym, a.address(), name + " in " + e.unitName());
                checked++;
            }
        }
        assertTrue(checked >= 3, "checked " + checked + " globals");
    }

    @ParameterizedTest
    @MethodSource("typesBinaries")
    void staticsFunctionStaticsAndThreadLocals(Path file) {
        DebugIndex index = new DebugIndex();
        index.add(DwarfFiles.open(file));
        Map<String, Long> syms = nm(file);

        IndexEntry sc = index.findObject("s_counter", "types.c", EnumSet.of(IndexKind.VARIABLE)).orElseThrow();
        assertFalse(sc.external());
        assertEquals(syms.get("s_counter"), ((VariableLocation.Address) DebugIndex.location(sc)).address());
        assertTrue(index.findObject("s_counter", "other.c", EnumSet.of(IndexKind.VARIABLE)).isEmpty());
        assertEquals(List.of(sc), index.statics("s_counter").stream().filter(e -> e.kind() == IndexKind.VARIABLE).toList());

        // function-static `calls` in types.c: nm names it calls.N
        IndexEntry calls = index.findObject("calls", null, EnumSet.of(IndexKind.FUNCTION_STATIC)).orElseThrow();
        long callsSym = syms.entrySet().stream().filter(en -> en.getKey().startsWith("calls.")).findFirst().orElseThrow().getValue();
        assertEquals(callsSym, ((VariableLocation.Address) DebugIndex.location(calls)).address());

        for (String tls : List.of("t_depth", "t_pt")) {
            IndexEntry t = index.findObject(tls, null, EnumSet.of(IndexKind.VARIABLE)).orElseThrow();
            assertTrue(t.threadLocal(), tls);
            assertEquals(syms.get(tls), ((VariableLocation.ThreadLocal) DebugIndex.location(t)).offset(), tls);
        }
    }

    @ParameterizedTest
    @MethodSource("typesBinaries")
    void enumeratorsAndTypes(Path file) {
        DebugIndex index = new DebugIndex();
        index.add(DwarfFiles.open(file));
        IndexEntry green = index.findObject("GREEN", null, EnumSet.of(IndexKind.ENUMERATOR)).orElseThrow();
        Die en = green.die().die();
        assertEquals(DwTag.enumeration_type, en.tag());
        assertEquals("color", en.name());
        Die child = en.children().get(green.enumeratorIndex());
        assertEquals("GREEN", child.name());
        assertEquals(5L, child.signed(DwAt.const_value));

        IndexEntry rect = index.findType(IndexKind.STRUCT, "rect", null).orElseThrow();
        assertFalse(rect.declaration());
        assertEquals(DwTag.structure_type, rect.die().die().tag());
        IndexEntry uid = index.findType(IndexKind.TYPEDEF, "user_id_t", "types.c").orElseThrow();
        assertEquals("user_id_t", uid.die().die().name());
        IndexEntry fn = index.findObject("new_item", null, EnumSet.of(IndexKind.FUNCTION)).orElseThrow();
        assertEquals(DwTag.subprogram, fn.die().die().tag());
        assertInstanceOf(IndexEntry.class, index.findType(IndexKind.BASE_TYPE, "int", null).orElseThrow());
    }
}
