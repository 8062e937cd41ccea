package org.jdrgn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jdrgn.cli.CliErrorsTest.Run;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line's manners next to drgn 0.0.22's (Debian's python3-drgn, run here): the
 * same exit status and the same error line (drgn's program name aside) for a bad command
 * line, the version on stdout, and a warning — not a failure — for -s files that are missing
 * or not ELF. The usage lines differ only where the options do (-e is ours; -p is drgn's).
 */
class CliMannersDrgnTest {
    @TempDir
    Path tmp;

    private static Run drgn(String... args) {
        assumeTrue(Files.isDirectory(Path.of("/usr/lib/python3/dist-packages/drgn")),
                "drgn 0.0.22 (python3-drgn) not installed");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "-m", "drgn"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            return new Run(p.waitFor(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1];
    }

    @ParameterizedTest
    @ValueSource(strings = {"--foo", "-x", "-c", "-s", "-k -c x", "-c x -k",
            "--main-symbols --no-default-symbols -c x", "--no-default-symbols --main-symbols -c x"})
    void badCommandLineAsDrgn(String line) {
        String[] args = line.split(" ");
        Run theirs = drgn(args), ours = CliErrorsTest.jdrgn(args);
        assertEquals(2, theirs.status(), theirs.err());
        assertEquals(theirs.status(), ours.status(), ours.err());
        assertEquals(lastLine(theirs.err()).replaceFirst("^drgn: ", "jdrgn: "), lastLine(ours.err()));
        assertTrue(ours.err().startsWith("usage: jdrgn [-h] [-k | -c PATH] [-s PATH]\n"), ours.err());
        assertEquals("", ours.out());
    }

    @Test
    void versionOnStdout() {
        Run theirs = drgn("--version"), ours = CliErrorsTest.jdrgn("--version");
        assertEquals(0, theirs.status());
        assertTrue(theirs.out().startsWith("drgn 0.0.22 "), theirs.out());
        assertEquals("", theirs.err());
        assertEquals(0, ours.status());
        assertEquals(Main.VERSION + "\n", ours.out());
        assertEquals("", ours.err());
    }

    /** drgn warns about -s files it cannot use, in one warning, and runs the script. */
    @Test
    void unusableSymbolFilesAreAWarning() throws IOException {
        Path core = TestCores.core("threads_O0-dw5-pie.segv");
        Path missing = tmp.resolve("nope.debug"), text = Files.writeString(tmp.resolve("notes.txt"), "hello\n");
        Path script = Files.writeString(tmp.resolve("tid.py"), "print(prog.crashed_thread().tid)\n");
        String[] args = {"-c", core.toString(), "-s", missing.toString(), "-s", text.toString(), script.toString()};
        Run theirs = drgn(args), ours = CliErrorsTest.jdrgn(args);
        String warning = "warning: could not get debugging information for:\n"
                + missing + " (open: " + missing + ": No such file or directory)\n"
                + text + " (not an ELF file)\n";
        assertEquals(0, theirs.status(), theirs.err());
        assertTrue(theirs.err().startsWith(warning), theirs.err());
        assertEquals(0, ours.status(), ours.err());
        assertTrue(ours.err().startsWith(warning), ours.err());
        assertEquals(theirs.out(), ours.out());
    }

    /** A kernel dump without its vmlinux: drgn warns and opens it; so do we. */
    @Test
    void kernelDumpWithoutVmlinuxIsAWarning() throws IOException {
        org.jdrgn.testcores.KernelCores.assumeDumps();
        Path dump = org.jdrgn.testcores.KernelCores.dump(org.jdrgn.testcores.KernelDump.KDUMP_DISKDUMP);
        Path script = Files.writeString(tmp.resolve("flags.py"), "print(prog.flags)\nprint(prog.platform.arch)\n"
                + "try:\n    prog['init_task']\nexcept LookupError as e:\n    print('LookupError')\n");
        String[] quiet = {"-c", dump.toString(), "--no-default-symbols", script.toString()};
        Run theirsQuiet = drgn(quiet), oursQuiet = CliErrorsTest.jdrgn(quiet);
        assertEquals(List.of(0, "", 0, ""), List.of(theirsQuiet.status(), theirsQuiet.err(), oursQuiet.status(), oursQuiet.err()));
        assertEquals(theirsQuiet.out(), oursQuiet.out());
        // the default search (this machine's /usr/lib/debug has no vmlinux for the dump) finds nothing
        String[] args = {"-c", dump.toString(), script.toString()};
        Run theirs = drgn(args), ours = CliErrorsTest.jdrgn(args);
        assertEquals(0, theirs.status(), theirs.err());
        assertEquals(0, ours.status(), ours.err());
        assertEquals(theirs.out(), ours.out());
        for (Run r : List.of(theirs, ours)) {
            assertTrue(r.err().startsWith("warning: could not get debugging information for:\nkernel (could not find vmlinux for "),
                    r.err());
        }
    }
}
