package org.jdrgn.lang.js;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jdrgn.lang.python.PythonHarness;
import org.jdrgn.program.load.DumpLoader;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.Program;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JS Object, Type and StackTrace API on the committed "types" cores: drgn_oracle.js (a
 * port of testcores/oracle/drgn_oracle.py: every thread's trace and frame variables, globals,
 * type definitions, member/index/cast/reinterpret/container_of expressions, list and hash
 * walks) prints exactly what the Python face prints running drgn_oracle.py on the same
 * Program, and most of it exactly as drgn 0.0.22 did (the rest are the engine's documented
 * differences, checked in program.ObjectsOracleTest and unwind.*OracleTest).
 */
@Tag("slow")
class OracleScriptJsTest {
    @BeforeAll
    static void runTree() { TestCores.materializeRunTree(); }

    static Stream<String> cores() { return TestCores.list().stream().filter(c -> c.startsWith("types_")); }

    @ParameterizedTest
    @MethodSource("cores")
    void jsPrintsAsPythonAndDrgn(String core) throws Exception {
        Program prog = new Program(null);
        DumpLoader.open(prog, TestCores.core(core), DebugInfoOptions.DEFAULT, w -> { });
        JsHarness.Result js = JsHarness.script(prog, resource("drgn_oracle.js"));
        assertEquals(0, js.status(), js.err());
        String py = PythonHarness.out(prog, Files.readString(TestCores.root().resolve("oracle/drgn_oracle.py")));
        assertEquals(py, js.out(), core);

        String drgn = Files.readString(TestCores.oracleFile(core, "drgn.txt"));
        int i = drgn.indexOf("\n======== stderr");
        if (i >= 0) drgn = drgn.substring(0, i);
        List<String> drgnEntries = entries(drgn);
        int same = 0;
        List<String> ours = entries(js.out());
        for (String e : ours) if (drgnEntries.contains(e)) same++;
        // Traces, frame variables, globals, types and expressions: most entries are drgn's, verbatim.
        assertTrue(same >= ours.size() * 3 / 4, core + ": only " + same + " of " + ours.size() + " entries are drgn's");
        assertTrue(js.out().contains("\n--- frame #0 "), "no frames printed");
        System.out.println("[js-oracle] " + core + ": " + same + " of " + ours.size() + " entries equal to drgn's");
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(OracleScriptJsTest.class.getResource(name).toURI());
    }

    /**
     * Lines grouped into entries: one per line, but a multi-line value is one entry (a frame
     * variable's lines indented by eight spaces; a global's "label =" and its indented lines).
     */
    static List<String> entries(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.lines().toList()) {
            boolean continues = !out.isEmpty() && (line.startsWith("        ")
                    || (line.startsWith("    ") && out.getLast().lines().findFirst().orElse("").endsWith(" =")));
            if (continues) out.set(out.size() - 1, out.getLast() + "\n" + line);
            else out.add(line);
        }
        return out;
    }
}
