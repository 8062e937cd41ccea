package org.jdrgn.program;

import org.jdrgn.program.load.DumpLoader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Thread-local globals (drgn 0.0.22 cannot read them: DW_OP_form_tls_address /
 * GNU_push_tls_address): prog["t_idx"] is the crashed thread's copy, as gdb's default
 * thread shows it; the oracle's `thread apply all print t_idx` gives each thread's value.
 */
class ThreadLocalGlobalsTest {
    @BeforeAll
    static void runTree() { TestCores.materializeRunTree(); }

    static Stream<String> threadCores() { return TestCores.list().stream().filter(n -> n.startsWith("threads_")); }

    @ParameterizedTest
    @MethodSource("threadCores")
    void tIdxIsTheCrashedThreadsCopy(String name) throws Exception {
        Program prog = new Program(null);
        DumpLoader.open(prog, TestCores.core(name), DebugInfoOptions.DEFAULT, w -> { });
        Map<Long, Long> gdb = new HashMap<>();
        Matcher m = Pattern.compile("\\(LWP (\\d+)\\)\\):\\n\\$\\d+ = (-?\\d+)\\n")
                .matcher(Files.readString(TestCores.oracleFile(name, "gdb.txt")));
        while (m.find()) gdb.put(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        assertTrue(gdb.size() >= 5, name + ": gdb printed t_idx for " + gdb.size() + " threads");
        long tid = prog.crashedThread().tid();
        assertEquals(gdb.get(tid), prog.object("t_idx", ObjectFinder.ANY, null).toInt().longValue(), name);
    }
}
