package org.jdrgn.lang.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * drgn.helpers.common.stack.print_annotated_stack on every thread of every core prints what
 * drgn 0.0.22's helper prints, except drgn's "[stack frame #N at ???]" block past the outermost
 * frame (jdrgn has no such frame: the outermost frame's memory ends at its CFA), and bar jdrgn's
 * tail-call frames (gdb's; drgn 0.0.22 has none), whose headers are dropped before comparing.
 */
@Tag("slow")
class AnnotatedStackTest {
    private static final Path DIR = Path.of("engine/src/test/resources/org/jdrgn/unwind");

    @BeforeAll
    static void runTree() { TestCores.materializeRunTree(); }

    static Stream<String> cores() { return TestCores.list().stream(); }

    /** drgn's output without the "???" frame block that ends each thread. */
    static String withoutUnknownFrames(String text) {
        List<String> out = new ArrayList<>();
        boolean skipping = false;
        for (String line : text.lines().toList()) {
            if (line.matches("\\[stack frame #\\d+ at \\?\\?\\?\\]")) skipping = true;
            else if (line.startsWith("STACK POINTER") || line.startsWith("[stack frame")) skipping = false;
            if (!skipping) out.add(line);
        }
        return String.join("\n", out) + "\n";
    }

    /**
     * Our output without tail-call frames' headers, later frames renumbered: jdrgn adds the
     * frames gdb shows for tail calls (see unwind.TailCallFramesGdbTest), drgn 0.0.22 has none.
     */
    static String withoutTailCallFrames(String text) {
        List<String> out = new ArrayList<>();
        int dropped = 0;
        java.util.regex.Pattern header = java.util.regex.Pattern.compile("^\\[stack frame #(\\d+) (.*)$");
        for (String line : text.lines().toList()) {
            if (line.startsWith("STACK POINTER")) dropped = 0;     // a new thread
            java.util.regex.Matcher m = header.matcher(line);
            if (m.matches() && line.endsWith(" (tail call)]")) {
                dropped++;
                continue;
            }
            out.add(m.matches() ? "[stack frame #" + (Integer.parseInt(m.group(1)) - dropped) + " " + m.group(2) : line);
        }
        return String.join("\n", out) + "\n";
    }

    @ParameterizedTest
    @MethodSource("cores")
    void annotatedStacksMatchDrgn(String name) throws Exception {
        Program prog = new Program(null);
        DumpLoader.open(prog, TestCores.core(name), DebugInfoOptions.DEFAULT, w -> { });
        String drgn = withoutUnknownFrames(Files.readString(DIR.resolve(name + ".annotated.txt")));
        assertEquals(drgn, withoutTailCallFrames(PythonHarness.out(prog, Files.readString(DIR.resolve("annotated_stack.py")))), name);
    }
}
