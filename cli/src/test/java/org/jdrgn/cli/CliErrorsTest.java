package org.jdrgn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad inputs on the command line: one clear error line, a non-zero exit, no Java stack trace.
 * These fail before Python starts, so they run in-process in milliseconds.
 */
class CliErrorsTest {
    @TempDir
    Path tmp;

    record Run(int status, String out, String err) {}

    static Run jdrgn(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void assertOneLineError(Run r, String expected) {
        assertEquals(1, r.status(), r.err());
        assertEquals("error: " + expected + "\n", r.err());
        assertEquals("", r.out());
    }

    private Path file(String name, byte[] bytes) throws Exception {
        return Files.write(tmp.resolve(name), bytes);
    }

    private static byte[] elfIdent(int elfClass, int data) {
        byte[] b = new byte[64];
        b[0] = 0x7f; b[1] = 'E'; b[2] = 'L'; b[3] = 'F';
        b[4] = (byte) elfClass; b[5] = (byte) data; b[6] = 1;
        return b;
    }

    @Test
    void emptyFile() throws Exception {
        Path p = file("empty.core", new byte[0]);
        assertOneLineError(jdrgn("-c", p.toString(), "-e", "pass"), p + ": not an ELF file");
    }

    @Test
    void textFile() throws Exception {
        Path p = file("notes.txt", "hello\n".getBytes(StandardCharsets.UTF_8));
        assertOneLineError(jdrgn("-c", p.toString(), "-e", "pass"), p + ": not an ELF file");
    }

    @Test
    void thirtyTwoBitAndBigEndian() throws Exception {
        Path p32 = file("x32.core", elfIdent(1, 1));
        assertOneLineError(jdrgn("-c", p32.toString(), "-e", "pass"), p32 + ": 32-bit ELF is not supported");
        Path be = file("be.core", elfIdent(2, 2));
        assertOneLineError(jdrgn("-c", be.toString(), "-e", "pass"), be + ": big-endian ELF is not supported");
    }

    @Test
    void truncatedCore() throws Exception {
        byte[] core = Files.readAllBytes(TestCores.core("threads_O0-dw5-pie.segv"));
        Path p = file("trunc.core", Arrays.copyOf(core, 100));
        Run r = jdrgn("-c", p.toString(), "-e", "pass");
        assertEquals(1, r.status());
        assertTrue(r.err().matches("error: " + java.util.regex.Pattern.quote(p.toString())
                + ": truncated: .*\n"), r.err());
        assertEquals(1, r.err().lines().count());
    }

    @Test
    void executableIsNotACore() {
        Path bin = TestCores.binaryFor("threads_O0-dw5-pie.segv");
        assertOneLineError(jdrgn("-c", bin.toString(), "-e", "pass"), bin + ": not an ELF core file (ELF type 3)");
    }

    @Test
    void missingFileAndDirectory() {
        Path missing = tmp.resolve("missing.core");
        assertOneLineError(jdrgn("-c", missing.toString(), "-e", "pass"),
                "[Errno 2] No such file or directory: '" + missing + "'");
        assertOneLineError(jdrgn("-c", tmp.toString(), "-e", "pass"), "[Errno 21] Is a directory: '" + tmp + "'");
    }

    @Test
    void coreGivenAsScriptSuggestsDashC() {
        // drgn 0.0.22 words this the same way.
        Path core = TestCores.core("threads_O0-dw5-pie.segv");
        Run r = jdrgn(core.toString());
        assertEquals(1, r.status());
        assertEquals(core + " is a core dump\nDid you mean \"-c " + core + "\"?\n", r.err().replaceFirst("^error: ", ""));
    }

    @Test
    void versionAndConflictingOptions() {
        Run v = jdrgn("--version");
        assertEquals(0, v.status());
        assertTrue(v.out().startsWith("jdrgn "), v.out());    // on stdout, as drgn's
        Run both = jdrgn("--main-symbols", "--no-default-symbols", "-c", "x");
        assertEquals(2, both.status());
        assertTrue(both.err().endsWith(
                "jdrgn: error: argument --no-default-symbols: not allowed with argument --main-symbols\n"), both.err());
    }
}
