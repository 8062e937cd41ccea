package org.jdrgn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import org.jdrgn.program.kernel.LiveKernel;
import org.junit.jupiter.api.Test;

/**
 * {@code jdrgn -k} and {@code jdrgn} without -c debug the running kernel, as drgn does; where
 * there is no /proc/kcore (a container) that is one clear error line and exit status 1 (drgn
 * 0.0.22 prints {@code [Errno 2] No such file or directory: '/proc/kcore'} and exits 1).
 */
class CliKernelTest {
    private static final String ERROR = "error: cannot debug the running kernel: [Errno 2] No such file or directory: "
            + "'/proc/kcore' (no /proc/kcore on this machine, as in a container; use -c VMCORE)\n";

    @Test
    void noKcore() {
        assumeFalse(Files.exists(LiveKernel.KCORE), "this machine has /proc/kcore");
        for (String[] args : new String[][] {{"-k", "-e", "pass"}, {"-e", "pass"}, {"--kernel", "-q", "-e", "pass"}}) {
            CliErrorsTest.Run r = CliErrorsTest.jdrgn(args);
            assertEquals(1, r.status(), r.err());
            assertEquals(ERROR, r.err(), String.join(" ", args));
            assertEquals("", r.out());
        }
    }
}
