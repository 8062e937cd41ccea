package org.jdrgn.lang.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdrgn.program.load.DumpLoader;
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
 * trailing "#N at ???" frame past the outermost one, which jdrgn does not invent, and jdrgn's
 * tail-call frames (gdb's, which drgn 0.0.22 lacks: see TailCallFramesGdbTest), dropped and
 * the frames after them renumbered before comparing.
 */
@Tag("slow")
class StackFrameStrTest {
    private static final Path DIR = Path.of("engine/src/test/resources/org/jdrgn/unwind");

    @BeforeAll
    static void runTree() { TestCores.materializeRunTree(); }

    static Stream<String> cores() { return TestCores.list().stream(); }

    @ParameterizedTest
    @MethodSource("cores")
    void framesPrintAsDrgn(String name) throws Exception {
        String drgn = Files.readString(DIR.resolve(name + ".frames.txt")).lines()
                .filter(l -> !l.matches("#\\d+ at \\?\\?\\?")).collect(Collectors.joining("\n", "", "\n"));
        Program prog = new Program(null);
        DumpLoader.open(prog, TestCores.core(name), DebugInfoOptions.DEFAULT, w -> { });
        String ours = PythonHarness.out(prog, Files.readString(DIR.resolve("frame_str.py")));
        assertTrue(ours.contains(" (tail call)") == TAIL_CALL_CORES.matcher(name).find(), name + ": tail-call frames where gdb has them");
        assertEquals(drgn, withoutTailCalls(ours), name);
    }

    /** Cores on which gdb (and jdrgn) show tail-call frames: the threads cores with glibc's futex waits. */
    private static final java.util.regex.Pattern TAIL_CALL_CORES = java.util.regex.Pattern.compile("^threads_O[02]-dw[45]-(pie|nopie)\\.");

    private static String withoutTailCalls(String text) {
        StringBuilder out = new StringBuilder();
        int index = 0;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("#")) {
                if (line.endsWith(" (tail call)")) continue;
                line = "#" + index++ + line.substring(line.indexOf(' '));
            } else {
                index = 0;
            }
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }
}
