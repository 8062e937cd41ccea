package org.jdrgn.lang.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jdrgn.program.kernel.LiveKernel;
import org.jdrgn.program.Program;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** program_from_kernel() and Program.set_kernel() without /proc/kcore fail as drgn 0.0.22's do, run live here. */
@Tag("slow")
class LiveKernelPythonTest {
    private static final String CODE = """
            import drgn
            for f in (drgn.program_from_kernel, lambda: drgn.Program().set_kernel()):
                try:
                    f()
                except OSError as e:
                    print(type(e).__name__, e.errno, e)
            """;

    @Test
    void noKcoreAsDrgn() throws Exception {
        assumeFalse(Files.exists(LiveKernel.KCORE), "this machine has /proc/kcore");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "drgn 0.0.22 (/usr/bin/python3) not installed");
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", CODE).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String drgn = new String(p.getInputStream().readAllBytes());
        assumeTrue(p.waitFor() == 0 && !drgn.isEmpty(), "drgn 0.0.22 did not run");
        assertEquals("FileNotFoundError 2 [Errno 2] No such file or directory: '/proc/kcore'\n".repeat(2), drgn);
        assertEquals(drgn, PythonHarness.out(new Program(null), CODE));
    }
}
