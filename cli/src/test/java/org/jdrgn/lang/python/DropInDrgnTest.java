package org.jdrgn.lang.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.jdrgn.program.load.DumpLoader;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.kernel.KernelLoader;
import org.jdrgn.program.Program;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Debian's python3-drgn 0.0.22 pure-Python package, unmodified and used in place, runs on
 * jdrgn's _drgn: every name it imports from _drgn exists, and its own Linux helpers
 * (for_each_task, get_dmesg, for_each_slab_cache, for_each_mount, and what they build on:
 * find_task, pid_task, idle_task, per_cpu_ptr, xa_load, access_process_vm, virt_to_page,
 * find_containing_slab_cache, d_path, ...) print on every kernel dump exactly what they print
 * under real drgn: testcores/kernel/oracle_helpers.py, run by make-kernel-oracle.sh.
 */
@Tag("slow")
class DropInDrgnTest {
    private static final Path DEBIAN = Path.of("/usr/lib/python3/dist-packages");
    private static final Path SCRIPT_DIR = Path.of("testcores/kernel").toAbsolutePath();
    private static Engine engine;

    /** drgn's package alone on a fresh path entry (a symlink), so nothing else of dist-packages (its C _drgn) is seen. */
    private static Path shim(Path tmp) throws IOException {
        assumeTrue(Files.isRegularFile(DEBIAN.resolve("drgn/__init__.py")) && Files.isRegularFile(DEBIAN.resolve("_drgn.pyi")),
                "python3-drgn (drgn 0.0.22) is not installed: no " + DEBIAN.resolve("drgn") + "; apt-get install python3-drgn");
        Files.createSymbolicLink(tmp.resolve("drgn"), DEBIAN.resolve("drgn"));
        return tmp;
    }

    private static synchronized Engine engine() {
        if (engine == null) engine = PythonEngine.newEngine();
        return engine;
    }

    @AfterAll
    static void closeEngine() {
        if (engine != null) engine.close();
    }

    /** Runs code with Debian's drgn first on sys.path; returns the value of the Python expression `result`. */
    private static String run(Program prog, Path shim, String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PyRuntime rt = new PyRuntime((p, path) -> DumpLoader.open(p, Path.of(path), DebugInfoOptions.DEFAULT, w -> { }));
        try (Context ctx = PythonEngine.newContext(engine(), rt, List.of("-c"), new ByteArrayInputStream(new byte[0]), out, err)) {
            if (prog != null) ctx.getBindings("python").putMember("prog", rt.wrap(prog));
            String setup = "import sys\nsys.path[0:0] = [" + pyStr(shim) + ", " + pyStr(SCRIPT_DIR) + "]\n"
                    + "import drgn, _drgn\n"
                    + "assert drgn.__file__.startswith(" + pyStr(shim) + "), drgn.__file__\n"
                    + "assert drgn.__version__ == '0.0.22', drgn.__version__\n"
                    + "assert _drgn.__file__.endswith('_drgn.py'), _drgn.__file__\n";
            try {
                PythonEngine.eval(ctx, setup + code, "<drop-in>");
                return ctx.getBindings("python").getMember("result").asString();
            } catch (PolyglotException e) {
                throw new AssertionError("Python raised " + e.getMessage() + "\nstderr: " + err.toString(StandardCharsets.UTF_8), e);
            }
        }
    }

    private static String pyStr(Path p) { return "'" + p.toString().replace("\\", "\\\\").replace("'", "\\'") + "'"; }

    /**
     * Every name drgn 0.0.22's modules import from _drgn (found by parsing them) and every
     * function its _drgn.pyi declares exists in jdrgn's _drgn.
     */
    @Test
    void everyNameDrgnImportsExists(@TempDir Path tmp) throws IOException {
        Path shim = shim(tmp);
        String missing = run(null, shim, """
                import ast, glob, os, re
                import drgn.helpers.linux, drgn.helpers.common
                wanted = set()
                for path in glob.glob(os.path.join(os.path.dirname(drgn.__file__), '**', '*.py'), recursive=True):
                    for node in ast.walk(ast.parse(open(path).read())):
                        if isinstance(node, ast.ImportFrom) and node.module == '_drgn':
                            wanted.update(a.name for a in node.names)
                pyi = open('/usr/lib/python3/dist-packages/_drgn.pyi').read()
                wanted.update(re.findall(r'^def (_linux_helper_\\w+)', pyi, re.M))
                assert len(wanted) > 50, wanted
                result = ' '.join(sorted(n for n in wanted if not hasattr(_drgn, n)))
                """);
        assertEquals("", missing, "names drgn 0.0.22 imports from _drgn that jdrgn's _drgn lacks");
    }

    /** The _linux_helper_* argument checks and non-kernel errors, against drgn 0.0.22 run on the same snippet. */
    @Test
    void helperArgumentErrorsAsDrgn(@TempDir Path tmp) throws Exception {
        Path shim = shim(tmp);
        String snippet = """
                import drgn, _drgn
                p = drgn.Program(drgn.host_platform)
                o = drgn.Object(p, "void *", 0)
                lines = []
                for f, a in [("kaslr_offset", (1,)), ("kaslr_offset", (p,)), ("pgtable_l5_enabled", ("x",)),
                             ("pgtable_l5_enabled", (p,)), ("direct_mapping_offset", (None,)), ("task_cpu", (1,)),
                             ("find_task", (1, 1)), ("find_pid", ("x", 1)), ("pid_task", (1, 0)), ("idr_find", (1, 0)),
                             ("xa_load", (1, 0)), ("per_cpu_ptr", (1, 0)), ("idle_task", (1, 0)),
                             ("read_vm", (1, o, 0, 1)), ("read_vm", (p, 1, 0, 1)), ("read_vm", (p, o, 0, -1))]:
                    try:
                        lines.append(f"{f} returned {getattr(_drgn, '_linux_helper_' + f)(*a)}")
                    except Exception as e:
                        lines.append(f"{f} {type(e).__name__} {e}")
                result = "\\n".join(lines) + "\\n"
                """;
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", snippet + "print(result, end='')")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String drgn = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor() == 0 && !drgn.isEmpty(), "drgn 0.0.22 (/usr/bin/python3) did not run");
        assertEquals(drgn, run(null, shim, snippet));
    }

    /** drgn's helpers on each dump print what drgn printed (dumps drgn cannot open: its reference format's text). */
    @ParameterizedTest
    @EnumSource(KernelDump.class)
    void drgnHelpersPrintWhatDrgnPrints(KernelDump d, @TempDir Path tmp) throws IOException {
        Path shim = shim(tmp);
        KernelCores.assumeOracle();
        Path oracle = helpersOracle(d);
        Program prog = new Program(null);
        List<Path> files = new ArrayList<>(List.of(KernelCores.vmlinux()));
        files.addAll(KernelCores.debugModules());
        KernelLoader.open(prog, KernelCores.dump(d), new DebugInfoOptions(files, false, false), w -> { });
        String ours = run(prog, shim, """
                import io, oracle_helpers
                buf = io.StringIO()
                oracle_helpers.report(prog, buf)
                result = buf.getvalue()
                """);
        assertEquals(Files.readString(oracle), ours, d + " vs " + oracle);
    }

    /**
     * `jdrgn --python SCRIPT` with Debian's drgn beside the script (first on sys.path, as for
     * python3): the script opens a kernel dump the drgn way, set_core_dump then
     * load_debug_info(vmlinux) (vmlinux is not at a default path), and reads through drgn's helpers.
     */
    @Test
    void pythonCommandRunsDebianDrgnScript(@TempDir Path tmp) throws IOException {
        Path dir = shim(tmp);
        KernelCores.assumeOracle();
        Path script = Files.writeString(dir.resolve("s.py"), """
                import sys, drgn, _drgn
                from drgn.helpers.linux.pid import find_task
                from drgn.helpers.linux.sched import task_cpu
                prog = drgn.Program()
                prog.set_core_dump(sys.argv[1])
                prog.load_debug_info(sys.argv[2:])
                print(drgn.__file__.startswith(sys.path[0]), _drgn.__file__.endswith('_drgn.py'))
                print(prog["UTS_RELEASE"].string_().decode(), find_task(prog, 1).comm.string_().decode(),
                      task_cpu(find_task(prog, 1)) in range(prog["nr_cpu_ids"].value_()))
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = org.jdrgn.cli.Main.run(new String[] {"--python", script.toString(),
                KernelCores.dump(KernelDump.KDUMP_DISKDUMP).toString(), KernelCores.vmlinux().toString()},
                new ByteArrayInputStream(new byte[0]), new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        var facts = KernelCores.facts(KernelDump.KDUMP_DISKDUMP).facts();
        String initComm = facts.entrySet().stream()
                .filter(e -> e.getKey().matches("task\\.0x[0-9a-f]+\\.pid") && e.getValue().equals("1"))
                .map(e -> facts.get(e.getKey().replace(".pid", ".comm"))).findFirst().orElseThrow();
        assertEquals("True True\n" + KernelCores.release() + " " + initComm + " True\n", out.toString(StandardCharsets.UTF_8));
    }

    private static Path helpersOracle(KernelDump d) {
        for (KernelDump k : List.of(d, d.reference())) {
            Path p = KernelCores.oracleDir().resolve(k.fileName() + ".helpers.txt");
            if (Files.isRegularFile(p)) return p;
        }
        assumeTrue(false, "no helpers oracle for " + d + " in " + KernelCores.oracleDir()
                + ": run FORCE=1 testcores/kernel/make-kernel-oracle.sh (it runs oracle_helpers.py)");
        return null;
    }
}
