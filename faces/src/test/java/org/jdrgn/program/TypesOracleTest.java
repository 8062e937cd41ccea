package org.jdrgn.program;

import org.jdrgn.program.load.DumpLoader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdrgn.lang.python.PythonHarness;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * prog.type() on every committed core, DWARF 4 and 5, -O0 and -O2: the "types" section of
 * drgn 0.0.22's oracle output (str(type) and sizeof for the programs' structs, unions, enums
 * and typedefs) must be printed identically by jdrgn, through the Python face.
 */
@Tag("slow")
class TypesOracleTest {
    @BeforeAll
    static void runTree() { TestCores.materializeRunTree(); }

    static Stream<String> cores() { return TestCores.list().stream(); }

    private static final String SHOW = """
            from drgn import sizeof
            def show(label, fn):
                try:
                    s = str(fn())
                except Exception as e:
                    s = f'ERROR {type(e).__name__}: {e}'
                if '\\n' in s:
                    print(f'{label} =')
                    for line in s.splitlines():
                        print('    ' + line)
                else:
                    print(f'{label} = {s}')
            for n in NAMES:
                show(f'type {n!r}', lambda: prog.type(n))
                show(f'sizeof({n})', lambda: sizeof(prog.type(n)))
            """;

    @ParameterizedTest
    @MethodSource("cores")
    void typesPrintAsDrgn(String name) throws Exception {
        String oracle = Files.readString(TestCores.oracleFile(name, "drgn.txt"));
        int start = oracle.indexOf("======== types ========\n");
        assertTrue(start >= 0, "oracle has a types section");
        start += "======== types ========\n".length();
        String section = oracle.substring(start, oracle.indexOf("\n\n", start) + 1);
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("^type '([^']+)' =", Pattern.MULTILINE).matcher(section);
        while (m.find()) names.add(m.group(1));
        assertTrue(names.size() >= 4, "types listed: " + names);

        Program prog = new Program(null);
        DumpLoader.open(prog, TestCores.core(name), DebugInfoOptions.DEFAULT, w -> { });
        String list = names.stream().map(n -> "'" + n + "'").reduce((a, b) -> a + ", " + b).orElseThrow();
        assertEquals(section, PythonHarness.out(prog, "NAMES = [" + list + "]\n" + SHOW));
    }
}
