package org.jdrgn.lang.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jdrgn.error.LookupException;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.kernel.KernelLoader;
import org.jdrgn.program.Program;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Thread ID 0 on a kernel, as drgn 0.0.22 has it (run live on the same dump): threads() lists
 * init_task with tid 0 and its Thread unwinds, but prog.thread(0) finds no thread (drgn looks a
 * tid up by its struct pid, which the idle tasks lack) and neither does prog.stack_trace(0).
 */
@Tag("slow")
class KernelThreadZeroTest {
    private static final String SCRIPT = """
            try:
                prog.thread(0)
            except LookupError as e:
                print('LookupError', e)
            t0 = [t for t in prog.threads() if t.tid == 0]
            print(len(t0), hex(t0[0].object.value_()))
            print('|'.join(str(f.name) for f in t0[0].stack_trace()))
            try:
                prog.stack_trace(0)
            except LookupError as e:
                print('LookupError')
            """;

    @Test
    void threadZeroAsDrgn() throws Exception {
        KernelCores.assumeDumps();
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "drgn 0.0.22 (/usr/bin/python3) not installed");
        Path dump = KernelCores.dump(KernelDump.KDUMP_ELF);
        Program prog = new Program(null);
        KernelLoader.open(prog, dump, new DebugInfoOptions(List.of(KernelCores.vmlinux()), false, false), w -> { });
        assertEquals("thread with ID 0 not found", assertThrows(LookupException.class, () -> prog.thread(0)).getMessage());
        assertEquals(drgn(dump), PythonHarness.out(prog, SCRIPT));
    }

    private static String drgn(Path dump) throws IOException, InterruptedException {
        String head = "import drgn\nprog = drgn.Program()\nprog.set_core_dump(%s)\nprog.load_debug_info([%s], default=False)\n"
                .formatted(pyString(dump), pyString(KernelCores.vmlinux()));
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", head + SCRIPT).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes());
        assumeTrue(p.waitFor() == 0 && !out.isEmpty(), "drgn 0.0.22 did not run: " + out);
        return out;
    }

    private static String pyString(Path p) { return "'" + p.toString().replace("\\", "\\\\").replace("'", "\\'") + "'"; }
}
