package org.jdrgn.lang.js;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jdrgn.lang.python.PythonHarness;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.kernel.KernelLoader;
import org.jdrgn.program.Program;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * scripts-py/{ps,dmesg,slabinfo,mounts,files,lsmod}.py print on jdrgn exactly what they print on drgn 0.0.22 (run live:
 * {@code /usr/bin/python3 -m drgn -c DUMP -s VMLINUX script}; skipped if drgn is not installed),
 * and scripts-js/*.js of the same names print the same as the Python ones, on every kernel dump. Dumps
 * drgn 0.0.22 cannot open are compared with drgn's output on their state's reference dump.
 */
@Tag("slow")
class KernelPsDmesgScriptsTest {
    private static final Path SCRIPTS = TestCores.root().getParent();
    private static final Map<String, String> DRGN = new ConcurrentHashMap<>();

    /** drgn 0.0.22's stdout for a script on a dump it can read (cached: dumps of one state share it). */
    private static String drgn(KernelDump d, String script) throws IOException, InterruptedException {
        KernelDump readable = Files.exists(KernelCores.oracleDir().resolve(d.fileName() + ".helpers.txt")) ? d : d.reference();
        String key = readable + "/" + script;
        String cached = DRGN.get(key);
        if (cached != null) return cached;
        assumeTrue(Files.isRegularFile(Path.of("/usr/lib/python3/dist-packages/drgn/__init__.py")), "drgn 0.0.22 (python3-drgn) is not installed");
        Process p = new ProcessBuilder("/usr/bin/python3", "-m", "drgn", "-q", "-c", KernelCores.dump(readable).toString(),
                "-s", KernelCores.vmlinux().toString(), SCRIPTS.resolve(script).toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "drgn failed on " + readable + " " + script);
        DRGN.put(key, out);
        return out;
    }

    /** get_printk_records()' reprs (every field: caller, context, continuation) and find_task, as drgn prints them. */
    @ParameterizedTest
    @EnumSource(value = KernelDump.class, names = {"KDUMP_ELF", "PANIC_DISKDUMP", "LIVE_FLATTENED"})
    void printkRecordsAsDrgn(KernelDump d, @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        KernelCores.assumeOracle();
        Path script = tmp.resolve("records.py");
        Files.writeString(script, """
                from drgn.helpers.linux.printk import get_printk_records
                from drgn.helpers.linux.pid import find_task
                from drgn.helpers.linux.sched import task_state_to_char
                records = get_printk_records(prog)
                for r in records:
                    print(r)
                print(sum(bool(r.context) for r in records), sum(r.caller_cpu is not None for r in records))
                for pid in (1, 2, 99999):
                    t = find_task(prog, pid)
                    print(pid, bool(t), t.comm.string_() if t else None, task_state_to_char(t) if t else None)
                """);
        Program prog = new Program(null);
        KernelLoader.open(prog, KernelCores.dump(d), new DebugInfoOptions(List.of(KernelCores.vmlinux()), false, false), w -> { });
        String ours = PythonHarness.out(prog, "import runpy\nrunpy.run_path('" + script + "', init_globals={'prog': prog}, run_name='__main__')\n");
        String drgn = drgn(d, script.toString());
        assertTrue(drgn.lines().count() > 300, drgn);
        assertEquals(drgn, ours, d + ": get_printk_records vs drgn 0.0.22");
    }

    @ParameterizedTest
    @EnumSource(KernelDump.class)
    void scriptsPrintWhatDrgnPrints(KernelDump d) throws Exception {
        KernelCores.assumeOracle();
        Program prog = new Program(null);
        KernelLoader.open(prog, KernelCores.dump(d), new DebugInfoOptions(List.of(KernelCores.vmlinux()), false, false), w -> { });
        for (String name : List.of("ps", "dmesg", "slabinfo", "mounts", "files", "lsmod")) {
            Path py = SCRIPTS.resolve("scripts-py/" + name + ".py");
            long t0 = System.nanoTime();
            String ours = PythonHarness.out(prog, "import runpy\nrunpy.run_path('" + py + "', init_globals={'prog': prog}, run_name='__main__')\n");
            long t1 = System.nanoTime();
            JsHarness.Result js = JsHarness.script(prog, SCRIPTS.resolve("scripts-js/" + name + ".js"));
            long t2 = System.nanoTime();
            String drgn = drgn(d, "scripts-py/" + name + ".py");
            assertEquals(drgn, ours, d + " " + name + ".py: jdrgn vs drgn 0.0.22");
            assertEquals(0, js.status(), js.err());
            assertEquals(ours, js.out(), d + " " + name + ".js vs " + name + ".py");
            assertTrue(ours.lines().count() > 3, d + " " + name + " printed little: " + ours);
            System.out.printf("%-26s %-5s py %.0f ms, js %.0f ms%n", d.fileName(), name, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        }
    }
}
