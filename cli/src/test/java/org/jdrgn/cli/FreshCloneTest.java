package org.jdrgn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's two commands, as a new user runs them: in a fresh clone of this repository, with an
 * empty cache directory (XDG_CACHE_HOME), so the launcher must build, train and run by itself.
 * The first must print what this build prints for the same command; the second (the test
 * command, here with one test class so it does not recurse into the whole suite) must set the
 * machine up and pass. The kernel dump material is made once per machine by the outer run, so
 * the inner one is told to leave it (JDRGN_NO_KERNEL_DUMPS). The clone is of the committed
 * HEAD: in CI that is the tree under test.
 */
@Tag("slow")
class FreshCloneTest {
    static final List<String> MAIN_JOB = List.of("-c", "testcores/cores/threads_O0-dw5-pie.segv.core.zst",
            "-s", "testcores/bin/O0-dw5-pie/threads.zst", "scripts-py/backtrace.py");

    @TempDir
    Path tmp;

    @Test
    void readmeCommandsWorkFromAFreshClone() throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        assumeTrue(Files.exists(repo.resolve(".git")), "not a git checkout: " + repo);  // a worktree has a .git file
        Path clone = tmp.resolve("jdrgn"), cache = Files.createDirectories(tmp.resolve("cache"));
        assertEquals(0, run(tmp, Map.of(), "git", "clone", "-q", repo.toString(), clone.toString()).status());

        Result first = run(clone, Map.of("XDG_CACHE_HOME", cache.toString()),
                concat(clone.resolve("jdrgn").toString(), MAIN_JOB));
        assertEquals(0, first.status(), first.output());
        assertEquals(inProcess(MAIN_JOB), first.stdout());
        assertTrue(first.output().contains("jdrgn: building"), "built from scratch: " + first.output());
        assertTrue(Files.isDirectory(cache.resolve("jdrgn/build")), "build output in the cache, not the clone");
        assertTrue(Files.notExists(clone.resolve("target")), "nothing built into the checkout");

        Result tests = run(clone, Map.of("XDG_CACHE_HOME", cache.toString(), "JDRGN_NO_KERNEL_DUMPS", "1"),
                clone.resolve("jdrgn").toString(), "--run-tests", "-Dtest=CliErrorsTest");
        assertEquals(0, tests.status(), tests.output());
        assertTrue(tests.output().contains("BUILD SUCCESS"), tests.output());
        assertTrue(tests.output().matches("(?s).*Tests run: [1-9]\\d*, Failures: 0, Errors: 0.*"), tests.output());
    }

    /** What this build prints for the same command line (stdout), run here in-process. */
    private static String inProcess(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, status);
        return out.toString(StandardCharsets.UTF_8);
    }

    record Result(int status, String stdout, String output) {}

    private static Result run(Path dir, Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().remove("JDRGN_BUILD_DIR");
        pb.environment().putAll(env);
        Path err = Files.createTempFile("fresh-clone", ".err");
        try {
            Process p = pb.redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = p.waitFor();
            return new Result(status, out, out + Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static String[] concat(String first, List<String> rest) {
        String[] all = new String[rest.size() + 1];
        all[0] = first;
        for (int i = 0; i < rest.size(); i++) all[i + 1] = rest.get(i);
        return all;
    }
}
