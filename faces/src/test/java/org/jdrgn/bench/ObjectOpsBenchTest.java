package org.jdrgn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.program.load.DumpLoader;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.Program;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The benchmark's ops do the right work: their results against drgn's and gdb's output for the core. */
class ObjectOpsBenchTest {
    private static final String CORE = "types_O0-dw5-pie.gcore";
    private static Map<String, Supplier<Object>> ops;
    private static List<String> drgn, gdb;

    @BeforeAll
    static void open() throws IOException {
        TestCores.materializeRunTree();
        Program prog = new Program(null);
        DumpLoader.open(prog, TestCores.core(CORE), DebugInfoOptions.DEFAULT, w -> { });
        ops = ObjectOpsBench.ops(prog);
        drgn = Files.readAllLines(TestCores.oracleFile(CORE, "drgn.txt"));
        gdb = Files.readAllLines(TestCores.oracleFile(CORE, "gdb.txt"));
    }

    /** The first group of the first line of {@code lines} that {@code regex} finds. */
    private static String find(List<String> lines, String regex) {
        Pattern p = Pattern.compile(regex);
        for (String l : lines) {
            Matcher m = p.matcher(l);
            if (m.find()) return m.group(1);
        }
        throw new AssertionError("no line matches " + regex);
    }

    private static long longOf(Object op) { return ((DrgnObject) op).toInt().longValue(); }

    @Test
    void scalarOpsMatchDrgn() {
        long gInt = Long.parseLong(find(drgn, "^prog\\['g_int'\\] = \\(int\\)(-?\\d+)$"));
        assertEquals("(int)" + gInt, ops.get("lookup").get().toString());
        assertEquals(gInt + 1, longOf(ops.get("add").get()));
        assertEquals(gInt, ((Number) ops.get("int").get()).longValue());
        assertEquals(gInt, ((Number) ops.get("value_").get()).longValue());
        String row1 = find(drgn, "^prog\\['g_matrix'\\] = \\(int \\[3\\]\\[4\\]\\)\\{ \\{[^}]*\\}, \\{ ([^}]*) \\}");
        assertEquals(Long.parseLong(row1.split(", ")[2]), longOf(ops.get("subscript").get()));
    }

    @Test
    void structOpsMatchGdb() {
        String br = find(gdb, "^\\$\\d+ = \\{tl = \\{[^}]*\\}, br = \\{([^}]*)\\}");   // "x = 30, y = 40"
        String x = br.replaceAll("x = (-?\\d+), y = (-?\\d+)", "$1"), y = br.replaceAll("x = (-?\\d+), y = (-?\\d+)", "$2");
        DrgnObject member = (DrgnObject) ops.get("member").get();
        assertEquals(Long.parseLong(x), member.member("x").toInt().longValue());
        assertEquals("(struct point){\n\t.x = (int)" + x + ",\n\t.y = (int)" + y + ",\n}", ops.get("str_point").get());
        String name = find(gdb, "^\\$\\d+ = \\{tl = .* name = 0x[0-9a-f]+ (\"[^\"]*\")\\}");
        String rect = (String) ops.get("str_struct").get();
        assertTrue(rect.contains("\t.br = (struct point){\n\t\t.x = (int)" + x + ","), rect);
        assertTrue(rect.endsWith(" = " + name + ",\n}"), rect);
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) ops.get("value_struct").get();
        assertEquals(Map.of("x", Long.parseLong(x), "y", Long.parseLong(y)), toLongs(value.get("br")));
    }

    @Test
    void listWalkVisitsEveryItem() {
        // types.c gives the items ids 1..count; drgn's oracle prints g_hash.count.
        long count = Long.parseLong(find(drgn, "^\\s+\\.count = \\(unsigned int\\)(\\d+),$"));
        assertEquals(count * (count + 1) / 2, ops.get("list_walk").get());
    }

    private static Map<String, Long> toLongs(Object m) {
        Map<String, Long> out = new java.util.HashMap<>();
        ((Map<?, ?>) m).forEach((k, v) -> out.put((String) k, ((Number) v).longValue()));
        return out;
    }
}
