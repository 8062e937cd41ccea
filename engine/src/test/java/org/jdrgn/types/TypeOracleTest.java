package org.jdrgn.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of type_oracle.txt (printed by drgn 0.0.22 through make_type_oracle.py): the
 * same type built in Java must give drgn's str(), type_name(), repr(), sizeof, is_complete,
 * primitive; member lookups and offsetof designators must give drgn's results and errors.
 */
class TypeOracleTest {
    private static final TypeRepr REPR = TypeRepr.X86_64;

    @TestFactory
    List<DynamicTest> oracle() throws Exception {
        OracleFile oracle = OracleFile.load("type_oracle.txt");
        List<DynamicTest> tests = new ArrayList<>();
        for (OracleFile.Entry e : oracle.entries()) {
            String h = e.header();
            if (h.startsWith("type ")) tests.add(DynamicTest.dynamicTest(h, () -> checkType(e)));
            else if (h.startsWith("member ")) tests.add(DynamicTest.dynamicTest(h, () -> checkMember(e)));
            else if (h.startsWith("offsetof")) tests.add(DynamicTest.dynamicTest(h + " " + e.get("spec"), () -> checkOffsetof(e)));
        }
        assertTrue(tests.size() > 150, "oracle has " + tests.size() + " cases");
        return tests;
    }

    private static void checkType(OracleFile.Entry e) {
        Type t = TypeSpec.build(e.get("spec"));
        assertEquals(e.get("str"), OracleFile.outcome(t::definition), "str");
        assertEquals(e.get("type_name"), t.typeName(), "type_name");
        assertEquals(e.get("repr"), REPR.repr(t), "repr");
        assertEquals(e.get("sizeof"), OracleFile.outcome(t::sizeof), "sizeof");
        assertEquals(e.get("is_complete"), OracleFile.outcome(t::isComplete), "is_complete");
        assertEquals(e.get("primitive"), OracleFile.outcome(() -> t.primitive() == null ? null : t.primitive().name()), "primitive");
        assertEquals(e.get("qualified_const_str"), OracleFile.outcome(() -> t.qualified(Qualifiers.CONST).definition()), "qualified(CONST)");
    }

    private static void checkMember(OracleFile.Entry e) {
        Type t = TypeSpec.build(e.get("spec"));
        String name = e.header().substring(e.header().lastIndexOf(' ') + 1);
        assertEquals(e.get("member"), OracleFile.outcome(() -> REPR.repr(t.member(name))), "member");
        assertEquals(e.get("bit_offset"), OracleFile.outcome(() -> t.member(name).bitOffset()), "bit_offset");
        assertEquals(e.get("has_member"), OracleFile.outcome(() -> t.hasMember(name)), "has_member");
    }

    private static void checkOffsetof(OracleFile.Entry e) {
        Type t = TypeSpec.build(e.get("spec"));
        String designator = e.header().length() > "offsetof ".length() ? e.header().substring("offsetof ".length()) : "";
        assertEquals(e.get("offsetof"), OracleFile.outcome(() -> t.offsetof(designator)), "offsetof");
    }
}
