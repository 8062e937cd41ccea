package org.jdrgn.cli.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resident path end to end: a server in this JVM on a private socket, and the client
 * that the launcher runs, talking through the real socket: output, stdin, exit codes, errors,
 * cwd and environment, a fresh context per run, and a stale client making the server leave.
 */
@Tag("slow")
class ResidentTest {
    private static final String CORE = "threads_O0-dw5-pie.segv";
    private static final String STAMP = "test-build";

    @TempDir
    static Path dir;
    static Server server;
    static Thread serving;

    record Run(int status, String out, String err) {}

    @BeforeAll
    static void start() throws Exception {
        TestCores.materializeRunTree();
        server = new Server(dir.resolve("run/s.sock"), STAMP, Duration.ofMinutes(5));
        assertTrue(server.bind());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("run/s.sock"))));
        serving = Thread.ofPlatform().daemon().start(() -> {
            try {
                server.serve();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @AfterAll
    static void stop() throws InterruptedException {
        server.close();
        serving.join(10_000);
    }

    static Run run(String stamp, String cwd, Map<String, String> env, String stdin, String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Client c = new Client(dir.resolve("run/s.sock"), stamp, null, 0);
        int status = c.run(Protocol.RUN, List.of(argv), cwd, env,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String stdin, String... argv) { return run(STAMP, dir.toString(), Map.of(), stdin, argv); }

    @Test
    void outputStderrAndExitStatusComeBack() {
        Run r = run("", "-q", "-c", TestCores.core(CORE).toString(), "-e", """
                import sys
                print(prog.crashed_thread().tid, sys.argv)
                print("to stderr", file=sys.stderr)
                sys.exit(3)""", "arg1");
        assertEquals(3, r.status(), r.err());
        int tid = TestCores.oracle(CORE, "basics").crashedTid();
        assertEquals(tid + " ['-e', 'arg1']\n", r.out());
        assertEquals("to stderr\n", r.err());
    }

    @Test
    void osExitStatusComesBack() {
        // GraalPy gives os._exit's status only on the thread that built the context: spares run there.
        Run r = run("", "-q", "-c", TestCores.core(CORE).toString(), "-e",
                "import os; print('x', flush=True); os._exit(7)");
        assertEquals(7, r.status(), r.err());
        assertEquals("x\n", r.out());
    }

    @Test
    void stdinIsReadOnDemand() {
        Run r = run("first line\nsecond\n", "-q", "-c", TestCores.core(CORE).toString(), "-e",
                "import sys; print(sys.stdin.readline().strip().upper()); print(repr(sys.stdin.read()))");
        assertEquals(0, r.status(), r.err());
        assertEquals("FIRST LINE\n'second\\n'\n", r.out());
    }

    @Test
    void scriptErrorsAndCliErrorsAreTheClients() throws Exception {
        Path script = Files.writeString(dir.resolve("boom.py"), "print('before')\n1 / 0\n");
        Run r = run("", "-q", "-c", TestCores.core(CORE).toString(), script.toString());
        assertEquals(1, r.status());
        assertEquals("before\n", r.out());
        assertTrue(r.err().contains("ZeroDivisionError: division by zero"), r.err());
        assertTrue(r.err().contains("boom.py\", line 2"), r.err());

        Run missing = run("", "-c", dir.resolve("no-such-core").toString(), "-e", "pass");
        assertEquals(1, missing.status());
        assertTrue(missing.err().startsWith("error: "), missing.err());
    }

    @Test
    void relativePathsCwdAndEnvironmentAreTheClients() throws Exception {
        Path core = TestCores.core(CORE);
        Files.writeString(dir.resolve("rel.py"), """
                import os, sys
                print(os.getcwd(), os.environ.get("JDRGN_TEST_VAR"), sys.argv)
                print(prog.crashed_thread().tid)""");
        // The core by a path relative to the client's cwd (the server's cwd is elsewhere).
        Run r2 = run(STAMP, core.getParent().toString(), Map.of("JDRGN_TEST_VAR", "from-client"), "",
                "-q", "-c", core.getFileName().toString(), dir.resolve("rel.py").toString(), "x");
        assertEquals(0, r2.status(), r2.err());
        int tid = TestCores.oracle(CORE, "basics").crashedTid();
        assertEquals(core.getParent().toRealPath() + " from-client ['" + dir.resolve("rel.py") + "', 'x']\n" + tid + "\n",
                r2.out());
    }

    @Test
    void eachRunHasAFreshContext() {
        String code = "import sys; print(getattr(sys, 'jdrgn_leak', None)); sys.jdrgn_leak = 1";
        Run first = run("", "-q", "-c", TestCores.core(CORE).toString(), "-e", code);
        Run second = run("", "-q", "-c", TestCores.core(CORE).toString(), "-e", code);
        assertEquals("None\n", first.out(), first.err());
        assertEquals("None\n", second.out(), second.err());
    }

    @Test
    void noServerMeansUnavailable() {
        Client c = new Client(dir.resolve("run/none.sock"), STAMP, null, 0);
        assertEquals(Client.UNAVAILABLE, c.run(Protocol.RUN, List.of("-e", "pass"), dir.toString(), Map.of(),
                java.io.InputStream.nullInputStream(), new ByteArrayOutputStream(), new ByteArrayOutputStream()));
    }

    @Test
    void aClientFromAnotherBuildMakesTheServerLeave() throws Exception {
        // A second server on its own socket, so the other tests keep theirs.
        Path sock = dir.resolve("run/stale.sock");
        try (Server old = new Server(sock, "old-build", Duration.ofMinutes(5))) {
            assertTrue(old.bind());
            Thread t = Thread.ofPlatform().daemon().start(() -> {
                try {
                    old.serve();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Client c = new Client(sock, "new-build", null, 0);
            assertEquals(Client.UNAVAILABLE, c.run(Protocol.RUN, List.of("-e", "pass"), dir.toString(), Map.of(),
                    java.io.InputStream.nullInputStream(), new ByteArrayOutputStream(), new ByteArrayOutputStream()));
            t.join(10_000);
            assertFalse(t.isAlive());
            assertFalse(Files.exists(sock));
        }
    }
}
