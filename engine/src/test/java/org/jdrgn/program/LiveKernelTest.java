package org.jdrgn.program;

import org.jdrgn.program.kernel.LiveKernel;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.jdrgn.error.DrgnException;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.jdrgn.testcores.OracleFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * set_kernel()'s path: /proc/kcore is read as an ELF vmcore with virtual addresses. This
 * machine (a container) has no /proc/kcore, so the path is exercised with QEMU's paging=true
 * dumps, which have the same shape (PT_LOADs at kernel virtual addresses, a VMCOREINFO note),
 * and the missing file must give drgn's error.
 */
class LiveKernelTest {
    @TempDir Path tmp;

    @ParameterizedTest
    @EnumSource(value = KernelDump.class, names = {"LIVE_ELF_PAGING", "PANIC_ELF_PAGING"})
    void virtualAddressElfReadsAsDrgn(KernelDump d) {
        KernelCores.assumeOracle();
        OracleFacts facts = KernelCores.facts(d);
        Program prog = new Program(null);
        LiveKernel.open(prog, KernelCores.dump(d), new DebugInfoOptions(List.of(KernelCores.vmlinux()), false, false), w -> { });
        assertEquals(ProgramFlags.IS_LINUX_KERNEL, prog.flags() & ProgramFlags.IS_LINUX_KERNEL);
        DrgnObject uts = prog.object("init_uts_ns", ObjectFinder.ANY, null);
        assertEquals(facts.get("init_uts_ns.name.release"),
                new String(uts.member("name").member("release").string(), StandardCharsets.UTF_8));
        assertEquals(facts.get("threads"), prog.threads().stream().map(t -> Long.toString(t.tid())).collect(Collectors.joining(",")));
    }

    @Test
    void missingFileIsDrgnsOsError() {
        Path none = tmp.resolve("kcore");
        DrgnException e = assertThrows(DrgnException.class, () -> LiveKernel.open(new Program(null), none, DebugInfoOptions.DEFAULT, w -> { }));
        assertEquals("[Errno 2] No such file or directory: '" + none + "'", e.getMessage());
    }

    /** drgn 0.0.22 here: {@code FileNotFoundError: [Errno 2] No such file or directory: '/proc/kcore'}. */
    @Test
    void noKcoreOnThisMachine() {
        assumeFalse(Files.exists(LiveKernel.KCORE), "this machine has /proc/kcore");
        DrgnException e = assertThrows(DrgnException.class, () -> LiveKernel.open(new Program(null), DebugInfoOptions.DEFAULT, w -> { }));
        assertEquals("[Errno 2] No such file or directory: '/proc/kcore'", e.getMessage());
    }
}
