package org.jdrgn.lang.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.KernelLoader;
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
    void ownHelpersPrintWhatDrgnPrints(KernelDump d) throws IOException {
        KernelCores.assumeOracle();
        Path oracle = KernelCores.oracleDir().resolve(d.fileName() + ".helpers-more.txt");
        assumeTrue(Files.isRegularFile(oracle), "no " + oracle + ": run testcores/kernel/make-kernel-oracle.sh");
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
        String want = Files.readString(oracle);
        assertEquals(sections(want), sections(ours), d + ": section headers");
        assertEquals(want, ours, d + " vs " + oracle);
    }

    private static List<String> sections(String s) { return s.lines().filter(l -> l.startsWith("== ")).toList(); }
}
