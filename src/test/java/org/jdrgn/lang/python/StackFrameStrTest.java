package org.jdrgn.lang.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdrgn.program.CoreLoader;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.Program;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * str(StackFrame) for every frame of every thread on every core equals drgn 0.0.22's
 * ("#1 at 0x... (process+0x6c/0x71) in process at threads.c:160:9 (inlined)"), except drgn's
 * trailing "#N at ???" frame past the outermost one, which jdrgn does not invent.
 */
@Tag("slow")
class StackFrameStrTest {
    private static final Path DIR = Path.of("src/test/resources/org/jdrgn/unwind");

    @BeforeAll
    static void runTree() { TestCores.materializeRunTree(); }

    static Stream<String> cores() { return TestCores.list().stream(); }

    @ParameterizedTest
    @MethodSource("cores")
    void framesPrintAsDrgn(String name) throws Exception {
        String drgn = Files.readString(DIR.resolve(name + ".frames.txt")).lines()
                .filter(l -> !l.matches("#\\d+ at \\?\\?\\?")).collect(Collectors.joining("\n", "", "\n"));
        Program prog = new Program(null);
        CoreLoader.open(prog, TestCores.core(name), DebugInfoOptions.DEFAULT, w -> { });
        assertEquals(drgn, PythonHarness.out(prog, Files.readString(DIR.resolve("frame_str.py"))), name);
    }
}
