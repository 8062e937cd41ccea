package org.jdrgn.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * prog.type(name) against drgn 0.0.22: type_oracle.txt lists the types a mock type finder
 * knows ("=== finder") and, for each input, what drgn's prog.type() returned or raised.
 */
class TypeNameParserTest {
    private record Known(TypeKind kind, String name, String file, Type type) {}

    private static List<Known> known(OracleFile oracle) {
        List<Known> known = new ArrayList<>();
        for (OracleFile.Entry e : oracle.entries()) {
            if (!e.header().startsWith("finder ")) continue;
            String[] h = e.header().split(" ", 3);
            String file = e.get("file");
            known.add(new Known(TypeKind.valueOf(h[1]), h[2], file.isEmpty() ? null : file, TypeSpec.build(e.get("spec"))));
        }
        return known;
    }

    private static TypeFinder finder(List<Known> known) {
        return (kind, name, filename) -> {
            for (Known k : known) {
                if (k.kind() == kind && k.name().equals(name) && (filename == null || filename.equals(k.file()))) return k.type();
            }
            return null;
        };
    }

    @TestFactory
    List<DynamicTest> parseLikeDrgn() throws Exception {
        OracleFile oracle = OracleFile.load("type_oracle.txt");
        TypeNameParser parser = new TypeNameParser(finder(known(oracle)), DefaultPrimitives.X86_64);
        List<DynamicTest> tests = new ArrayList<>();
        for (OracleFile.Entry e : oracle.entries()) {
            if (!e.header().equals("parse")) continue;
            String input = e.get("input").replace("\\t", "\t").replace("\\n", "\n");
            String filename = e.get("filename").isEmpty() ? null : e.get("filename");
            tests.add(DynamicTest.dynamicTest("'" + e.get("input") + "'" + (filename == null ? "" : " in " + filename), () -> {
                assertEquals(e.get("repr"), OracleFile.outcome(() -> TypeRepr.X86_64.repr(parser.parse(input, filename))), "repr");
                assertEquals(e.get("type_name"), OracleFile.outcome(() -> parser.parse(input, filename).typeName()), "type_name");
            }));
        }
        assertTrue(tests.size() > 100, "parse cases: " + tests.size());
        return tests;
    }

    @Test
    void namedTypesComeFromTheFinderItself() throws Exception {
        List<Known> known = known(OracleFile.load("type_oracle.txt"));
        TypeNameParser parser = new TypeNameParser(finder(known), DefaultPrimitives.X86_64);
        Type kyber = known.stream().filter(k -> k.name().equals("kyber_hctx_data")).findFirst().orElseThrow().type();
        assertSame(kyber, parser.parse("struct kyber_hctx_data", null));
        assertSame(kyber, ((PointerType) parser.parse("struct kyber_hctx_data *", null)).referenced());
    }
}
