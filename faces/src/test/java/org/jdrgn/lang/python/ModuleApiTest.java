package org.jdrgn.lang.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.kernel.KernelLoader;
import org.jdrgn.program.Program;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.jdrgn.testcores.OracleFacts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * drgn's Module API subset on a kernel dump: prog.modules() lists vmlinux then the 3 loaded
 * modules, whose names, address ranges and build IDs are what drgn 0.0.22 read from the same
 * dump's struct module (oracle_modules.py), with the -s .ko files as debug files;
 * prog.module(address) finds a module function's module.
 */
@Tag("slow")
class ModuleApiTest {
    @Test
    void kernelModulesAsDrgnSawThem() {
        KernelCores.assumeOracle();
        KernelDump d = KernelDump.PANIC_DISKDUMP;
        OracleFacts want = OracleFacts.read(KernelCores.oracleFile(d.reference(), "modules.tsv"));
        List<java.nio.file.Path> files = new ArrayList<>(List.of(KernelCores.vmlinux()));
        files.addAll(KernelCores.debugModules());
        Program prog = new Program(null);
        KernelLoader.open(prog, KernelCores.dump(d), new DebugInfoOptions(files, false, false), w -> { });
        String out = PythonHarness.out(prog, """
                import drgn
                from _drgn import MainModule, RelocatableModule
                mods = list(prog.modules())
                assert isinstance(mods[0], MainModule) and mods[0] == prog.main_module(), mods[0]
                assert mods[0].debug_file_path == %s, mods[0].debug_file_path
                for m in mods[1:]:
                    assert isinstance(m, RelocatableModule), m
                    print(m.name, hex(m.address_range[0]), m.address_range[1] - m.address_range[0], m.build_id.hex(),
                          m.debug_file_path.rsplit('/', 1)[-1], m.loaded_file_bias)
                    # drgn 0.0.22's own view of the same module: its struct module and sysfs section table
                    from drgn.helpers.linux.list import list_for_each_entry
                    sm = next(x for x in list_for_each_entry('struct module', prog['modules'].address_of_(), 'list')
                              if x.name.string_().decode() == m.name)
                    assert m.address == sm.value_(), (hex(m.address), sm)
                    attrs = sm.sect_attrs
                    want = {attrs.attrs[i].battr.attr.name.string_().decode(): attrs.attrs[i].address.value_()
                            for i in range(attrs.nsections)}
                    assert m.section_addresses == want, (m.section_addresses, want)
                print(prog.module(prog['pvpanic_panic_notify'].address_).name)
                try:
                    prog.module(0)
                except LookupError as e:
                    print('LookupError', e)
                """.formatted("'" + KernelCores.vmlinux() + "'"));
        StringBuilder expected = new StringBuilder();
        for (String n : want.get("modules").split(" ")) {
            expected.append(String.format("%s 0x%x %s %s %s 0%n", n, want.hex("module." + n + ".base"),
                    want.get("module." + n + ".size"), want.get("module." + n + ".build_id"), want.get("module." + n + ".file")));
        }
        expected.append("pvpanic\nLookupError module containing 0x0 not found\n");
        assertEquals(expected.toString(), out);
    }
}
