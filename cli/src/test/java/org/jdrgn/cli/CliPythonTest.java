package org.jdrgn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.jdrgn.testcores.OracleFacts;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end on GraalPy: -e, scripts and sys.argv, exit codes, --python, the REPL. */
@Tag("slow")
class CliPythonTest {
    private static final String CORE = "threads_O0-dw5-pie.segv";

    @TempDir
    Path tmp;

    record Run(int status, String out, String err) {}

    static Run jdrgn(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void runTree() { TestCores.materializeRunTree(); }

    @Test
    void threadsFromDashEMatchDrgn() {
        Run r = jdrgn("", "-c", TestCores.core(CORE).toString(), "-e",
                "for t in sorted(prog.threads(), key=lambda t: t.tid): print(t.tid, t.name)");
        assertEquals(0, r.status(), r.err());
        OracleFacts drgn = TestCores.oracle(CORE, "basics");
        // drgn 0.0.22 has no Thread.name; later drgn names only the main thread (NT_PRPSINFO).
        String expected = drgn.tids().stream()
                .map(t -> t + " " + (t == drgn.mainTid() ? "threads" : "None"))
                .collect(Collectors.joining("\n", "", "\n"));
        assertEquals(expected, r.out());
    }

    @Test
    void scriptGetsArgvAndDrgnNamesWork() throws Exception {
        Path script = Files.writeString(tmp.resolve("s.py"), """
                import sys, drgn
                print(sys.argv[1:], isinstance(prog, drgn.Program), drgn.get_default_prog() is prog)
                print(prog.symbol('g_workers').name, hex(prog.read_u64(prog.symbol('g_worker_list').address)))
                sys.exit(3)
                """);
        Run r = jdrgn("", "-q", "-c", TestCores.core(CORE).toString(), script.toString(), "a", "--b");
        assertEquals(3, r.status(), r.err());
        String listHead = TestCores.oracle(CORE, "basics").get("read_u64@0x555555558100");
        assertEquals("['a', '--b'] True True\ng_workers " + listHead + "\n", r.out());
    }

    @Test
    void uncaughtExceptionPrintsTracebackAndFails() {
        Run r = jdrgn("", "-q", "-c", TestCores.core(CORE).toString(), "-e", "prog.read(0x10, 1)");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("Traceback"), r.err());
        assertTrue(r.err().strip().endsWith("FaultError: could not find memory segment: 0x10"), r.err());
        assertTrue(!r.err().contains("at org.jdrgn"), "Java stack trace leaked: " + r.err());
    }

    @Test
    void replEvaluatesLinesAndBlocks() {
        Run r = jdrgn("""
                prog.crashed_thread().tid
                def f(x):
                    return x * 2

                f(21)
                undefined_name
                print('still alive')
                """, "-q", "-c", TestCores.core(CORE).toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("7\n"), r.out());
        assertTrue(r.out().contains("42\n"), r.out());
        assertTrue(r.err().contains("NameError"), r.err());
        assertTrue(r.out().contains("still alive"), r.out());
        assertTrue(r.err().startsWith("jdrgn "), "version banner first: " + r.err());
    }

    @Test
    void pythonModeRunsUnittestOnAMockProgram() throws Exception {
        Path tests = Files.createDirectories(tmp.resolve("tests"));
        Files.writeString(tests.resolve("test_mock.py"), """
                import unittest, drgn

                class MockTest(unittest.TestCase):
                    def test_segment(self):
                        p = drgn.Program(drgn.host_platform)
                        p.add_memory_segment(0xffff0000, 8, lambda a, n, off, phys: b'\\x11' * n)
                        self.assertEqual(p.read_u32(0xffff0004), 0x11111111)
                        with self.assertRaises(drgn.FaultError):
                            p.read(0xffff0008, 1)
                """);
        Run r = jdrgn("", "--python", "-m", "unittest", "discover", tmp.resolve("tests").toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("Ran 1 test") && r.err().contains("OK"), r.err());

        Run c = jdrgn("", "--python", "-c", "import sys, drgn; print(sys.argv, drgn.Program)", "x");
        assertEquals("['-c', 'x'] <class '_drgn.Program'>\n", c.out());
        Run stdin = jdrgn("print(6 * 7)\n", "--python");
        assertEquals("42\n", stdin.out());
    }
}
