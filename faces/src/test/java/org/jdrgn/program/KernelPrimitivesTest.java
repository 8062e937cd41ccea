package org.jdrgn.program;

import org.jdrgn.program.kernel.KernelLoader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jdrgn.error.FaultException;
import org.jdrgn.lang.KernelHelpers;
import org.jdrgn.linux.KernelObjects;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.jdrgn.types.CTypePrinter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kernel primitives under drgn's _linux_helper_* functions and its special constants
 * (PAGE_SHIFT, PAGE_SIZE, PAGE_MASK, UTS_RELEASE, vmemmap), straight from Java, against drgn
 * 0.0.22 run on the same dump: kaslr_offset, direct_mapping_offset, pgtable_l5_enabled, and
 * read_vm through every user task's page table (the whole argument area, or the fault drgn
 * reports where makedumpfile -d 31 left user pages out).
 */
class KernelPrimitivesTest {
    private static final String DRGN = """
            import sys, drgn, _drgn
            from drgn.helpers.linux.pid import for_each_task
            prog = drgn.Program()
            prog.set_core_dump(sys.argv[1])
            prog.load_debug_info([sys.argv[2]])
            for name in ("PAGE_SHIFT", "PAGE_SIZE", "PAGE_MASK", "UTS_RELEASE", "vmemmap"):
                o = prog.constant(name)
                v = o.string_().decode() if name == "UTS_RELEASE" else hex(o.value_())
                print(f"{name}\\t{o.type_.type_name()}\\t{v}")
            print(f"kaslr_offset\\t{_drgn._linux_helper_kaslr_offset(prog):#x}")
            print(f"direct_mapping_offset\\t{_drgn._linux_helper_direct_mapping_offset(prog):#x}")
            print(f"pgtable_l5_enabled\\t{_drgn._linux_helper_pgtable_l5_enabled(prog)}")
            for t in for_each_task(prog):
                if not t.mm:
                    continue
                start, end = t.mm.arg_start.value_(), t.mm.arg_end.value_()
                try:
                    got = _drgn._linux_helper_read_vm(prog, t.mm.pgd, start, end - start).hex()
                except drgn.FaultError as e:
                    got = f"fault {e.address:#x}"
                print(f"read_vm\\t{t.pid.value_()}\\t{got}")
            """;

    @ParameterizedTest
    @EnumSource(value = KernelDump.class, names = {"KDUMP_ELF", "KDUMP_DISKDUMP", "PANIC_ELF_PAGING", "LIVE_DISKDUMP"})
    void primitivesMatchDrgn(KernelDump d) throws Exception {
        KernelCores.assumeDumps();
        String drgn = drgn(d);
        Program prog = new Program(null);
        KernelLoader.open(prog, KernelCores.dump(d), new DebugInfoOptions(List.of(KernelCores.vmlinux()), false, false), w -> { });
        StringBuilder ours = new StringBuilder();
        for (String name : List.of("PAGE_SHIFT", "PAGE_SIZE", "PAGE_MASK", "UTS_RELEASE", "vmemmap")) {
            DrgnObject o = prog.object(name, ObjectFinder.CONSTANT, null);
            String v = name.equals("UTS_RELEASE") ? new String(o.string(), StandardCharsets.UTF_8)
                    : "0x" + Long.toHexString(KernelObjects.value(o));
            ours.append(name).append('\t').append(CTypePrinter.typeName(o.type())).append('\t').append(v).append('\n');
        }
        ours.append("kaslr_offset\t0x").append(Long.toHexString(helper(prog, "kaslr_offset"))).append('\n');
        ours.append("direct_mapping_offset\t0x").append(Long.toHexString(helper(prog, "direct_mapping_offset"))).append('\n');
        ours.append("pgtable_l5_enabled\t").append((Boolean) KernelHelpers.call(prog, "pgtable_l5_enabled") ? "True" : "False").append('\n');
        int users = 0;
        for (DrgnObject t : KernelHelpers.forEachTask(prog)) {
            DrgnObject mm = t.member("mm");
            if (KernelObjects.value(mm) == 0) continue;
            long start = KernelObjects.value(mm.member("arg_start")), end = KernelObjects.value(mm.member("arg_end"));
            String got;
            try {
                got = HexFormat.of().formatHex((byte[]) KernelHelpers.call(prog, "read_vm",
                        KernelObjects.value(mm.member("pgd")), start, end - start));
            } catch (FaultException e) {
                got = "fault 0x" + Long.toHexString(e.address());
            }
            ours.append("read_vm\t").append(KernelObjects.value(t.member("pid"))).append('\t').append(got).append('\n');
            users++;
        }
        assertTrue(users >= 5, "user tasks with an mm: " + users);   // init and src/init's test processes
        assertEquals(drgn, ours.toString());
    }

    private static long helper(Program prog, String name) { return ((Number) KernelHelpers.call(prog, name)).longValue(); }

    private static String drgn(KernelDump d) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")) && Files.isDirectory(Path.of("/usr/lib/python3/dist-packages/drgn")),
                "drgn 0.0.22 (python3-drgn, /usr/bin/python3) not installed");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "-c", DRGN, KernelCores.dump(d).toString(),
                KernelCores.vmlinux().toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor() == 0 && !out.isEmpty(), "drgn 0.0.22 could not read " + d);
        return out;
    }
}
