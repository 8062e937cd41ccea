package org.jdrgn.lang.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.kernel.KernelLoader;
import org.jdrgn.program.Program;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * jdrgn's own drgn.helpers.linux (not Debian's package) on the real kernel dumps prints what
 * drgn 0.0.22 prints running its own helpers: testcores/kernel/oracle_helpers.py report_more()
 * (cpumask, nodemask, bitops, device, fs mounts and files, mm pages and conversions, slab
 * caches, aliases, object info and allocated objects, cgroup and kernfs paths, block, user,
 * net, bpf, kconfig, percpu counters, list validation, idr, rbtree), section by section,
 * failures (type and address) included. One dump per state and the kdump's diskdump.
 */
@Tag("slow")
class HelpersMoreTest {
    @ParameterizedTest
    @EnumSource(value = KernelDump.class, names = {"KDUMP_ELF", "KDUMP_DISKDUMP", "LIVE_ELF_PAGING", "PANIC_ELF_PAGING"})
    void ownHelpersPrintWhatDrgnPrints(KernelDump d) throws IOException, InterruptedException {
        KernelCores.assumeOracle();
        String want = drgn(d);
        Program prog = new Program(null);
        List<Path> files = new ArrayList<>(List.of(KernelCores.vmlinux()));
        files.addAll(KernelCores.debugModules());
        KernelLoader.open(prog, KernelCores.dump(d), new DebugInfoOptions(files, false, false), w -> { });
        String ours = PythonHarness.out(prog, """
                import sys
                sys.path.insert(0, %s)
                import drgn, oracle_helpers
                assert not drgn.__file__.startswith('/usr/lib'), drgn.__file__
                oracle_helpers.report_more(prog, sys.stdout)
                """.formatted("'" + Path.of("testcores/kernel").toAbsolutePath() + "'"));
        assertEquals(sections(want), sections(ours), d + ": section headers");
        assertEquals(want, ours, d + ": jdrgn's helpers vs drgn 0.0.22's");
    }

    /**
     * drgn 0.0.22's report_more on the dump: the oracle's file when make-kernel-oracle.sh wrote
     * it for these dumps, else drgn run now (the kernel cache is shared, and an oracle made by
     * another checkout's scripts may lack the file).
     */
    private static String drgn(KernelDump d) throws IOException, InterruptedException {
        Path oracle = KernelCores.oracleDir().resolve(d.fileName() + ".helpers-more.txt");
        if (Files.isRegularFile(oracle)) return Files.readString(oracle);
        assumeTrue(Files.isRegularFile(Path.of("/usr/lib/python3/dist-packages/drgn/__init__.py")), "drgn 0.0.22 is not installed");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "-c", """
                import sys, drgn
                sys.path.insert(0, sys.argv[1])
                import oracle_helpers
                prog = drgn.Program()
                prog.set_core_dump(sys.argv[2])
                prog.load_debug_info(sys.argv[3:])
                oracle_helpers.report_more(prog, sys.stdout)
                """, Path.of("testcores/kernel").toAbsolutePath().toString(), KernelCores.dump(d).toString(),
                KernelCores.vmlinux().toString()));
        KernelCores.debugModules().forEach(m -> cmd.add(m.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assumeTrue(p.waitFor() == 0, "drgn 0.0.22 failed on " + d);
        return out;
    }

    private static List<String> sections(String s) { return s.lines().filter(l -> l.startsWith("== ")).toList(); }
}
