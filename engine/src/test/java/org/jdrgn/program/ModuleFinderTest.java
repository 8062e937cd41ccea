package org.jdrgn.program;

import org.jdrgn.program.userspace.ModuleFinder;
import org.jdrgn.program.userspace.DebugFileFinder;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jdrgn.core.CoreDump;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.testcores.OracleFacts;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.api.Test;

/** Module discovery and file lookup options (-s, --no-default-symbols) on a PIE kernel core. */
class ModuleFinderTest {
    static final String CORE = "threads_O0-dw5-pie.segv";

    @Test
    void userSymbolFileIsRelocatedByTheModuleBias() throws IOException {
        // The binary from the cache, not the path the core names: matched by build ID only.
        Path exe = TestCores.binaryFor(CORE);
        CoreDump core = CoreDump.of(ElfFile.open(TestCores.core(CORE)));
        LoadedModules mods = ModuleFinder.find(core, new DebugFileFinder(List.of(exe), false));
        Module main = mods.main().orElseThrow();
        assertEquals(exe, main.loadedFile().orElseThrow().path().orElseThrow());
        // drgn 0.0.22 with -s loads a PIE unrelocated; its default lookup (basics oracle) is relocated.
        OracleFacts o = TestCores.oracle(CORE, "basics");
        assertEquals(o.symbol("main").orElseThrow().address(), mods.symbolNamed("main").orElseThrow().address());
        assertEquals(core.auxv(org.jdrgn.elf.ElfConstants.AT_PHDR).getAsLong() - 0x40, main.bias());
        // No default symbols: libc and ld.so are listed, with build IDs, but without files.
        List<Module> missing = mods.missing();
        assertFalse(missing.isEmpty());
        for (Module m : missing) assertTrue(m.buildId().isPresent(), m.toString());
        assertTrue(mods.symbolNamed("malloc").isEmpty());
        assertTrue(missing.stream().anyMatch(m -> m.name().endsWith("/libc.so.6")));
    }

    @Test
    void defaultSymbolsFindLibcDebugFileByBuildId() throws IOException {
        TestCores.materializeRunTree();
        CoreDump core = CoreDump.of(ElfFile.open(TestCores.core(CORE)));
        LoadedModules mods = ModuleFinder.find(core, new DebugFileFinder(List.of(), true));
        Module libc = mods.modules().stream().filter(m -> m.name().endsWith("/libc.so.6")).findFirst().orElseThrow();
        ElfFile lib = libc.loadedFile().orElseThrow();
        assertEquals(libc.buildId(), lib.buildId());
        ElfFile dbg = libc.debugFile().orElseThrow();
        assertEquals(Path.of("/usr/lib/debug", libc.buildId().orElseThrow().buildIdPath() + ".debug"), dbg.path().orElseThrow());
        assertTrue(dbg.hasDebugInfo());
        // The main executable was built with -g: it is its own debug file.
        Module main = mods.main().orElseThrow();
        assertSame(main.loadedFile().orElseThrow(), main.debugFile().orElseThrow());
        // The vDSO image is parsed from the core's memory at AT_SYSINFO_EHDR.
        Module vdso = mods.modules().stream().filter(m -> m.kind() == Module.Kind.VDSO).findFirst().orElseThrow();
        assertEquals(core.auxv(org.jdrgn.elf.ElfConstants.AT_SYSINFO_EHDR).getAsLong(), vdso.start());
        assertEquals(vdso.buildId(), vdso.loadedFile().orElseThrow().buildId());
        assertFalse(vdso.symbols().all().isEmpty());
    }
}
