package org.jdrgn.program.kernel;

import org.jdrgn.program.*;
import org.jdrgn.program.Module;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdrgn.elf.Symbol;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.objects.FormatOptions;
import org.jdrgn.stack.FrameTrace;
import org.jdrgn.stack.StackFrame;
import org.jdrgn.stack.StackTraces;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.jdrgn.testcores.OracleFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The 3 loaded kernel modules of every dump (found in the kernel's module list, their debug
 * .ko relocated to where the kernel put their sections), against oracle_modules.py: drgn
 * 0.0.22 on the state's reference dump, with the same -s files. Every data and function
 * symbol of each .ko that drgn resolved: address, type, size, formatted value, the symbol at
 * each function; struct sizes; frames of the crashed thread in module code (the panic dump's
 * pvpanic notifier).
 */
class KernelModulesTest {
    private static List<java.nio.file.Path> symbolFiles() {
        List<java.nio.file.Path> files = new ArrayList<>(List.of(KernelCores.vmlinux()));
        files.addAll(KernelCores.debugModules());
        return files;
    }

    private static OracleFacts oracle(KernelDump d) {
        return OracleFacts.read(KernelCores.oracleFile(d.reference(), "modules.tsv"));
    }

    @ParameterizedTest
    @EnumSource(KernelDump.class)
    void modulesMatchDrgn(KernelDump d) {
        KernelCores.assumeOracle();
        OracleFacts want = oracle(d);
        Program prog = new Program(null);
        List<String> warnings = new ArrayList<>();
        KernelLoader.open(prog, KernelCores.dump(d), new DebugInfoOptions(symbolFiles(), false, false), warnings::add);
        // the first type lookup indexes vmlinux, walks the module list, relocates and indexes the .ko
        // files: timed against the same lookup in a program given vmlinux alone
        Program bare = new Program(null);
        KernelLoader.open(bare, KernelCores.dump(d), new DebugInfoOptions(List.of(KernelCores.vmlinux()), false, false), w -> { });
        long t0 = System.nanoTime();
        bare.objectContext().type("struct module");
        long t1 = System.nanoTime();
        prog.objectContext().type("struct module");
        long t2 = System.nanoTime();
        List<Module> mods = prog.target().loadedModules().orElseThrow().lateModules().orElseThrow();
        DrgnObject first = prog.object("pvpanic_list", ObjectFinder.ANY, null);
        System.out.printf("[kernel-modules] %-26s first lookup: vmlinux alone %.0f ms, with the 3 modules %.0f ms%n",
                d.fileName(), (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        assertNotNull(first);
        assertEquals(List.of(), warnings);
        assertEquals(want.get("modules"), String.join(" ", mods.stream().map(Module::name).toList()));
        int compared = 0;
        for (Module m : mods) {
            String n = m.name();
            assertEquals(Module.Kind.KERNEL_MODULE, m.kind());
            assertEquals(want.hex("module." + n + ".base"), m.start(), n);
            assertEquals(Long.parseLong(want.get("module." + n + ".size")), m.end() - m.start(), n);
            assertEquals(want.get("module." + n + ".build_id"), m.buildId().orElseThrow().hex(), n);
            assertTrue(m.debugFile().orElseThrow().name().endsWith("/" + want.get("module." + n + ".file")), n);
        }
        for (Map.Entry<String, String> e : want.facts().entrySet()) {
            String[] k = e.getKey().split("\\.");
            if (e.getValue().startsWith("ERROR") || k.length < 4) continue;
            String sym = e.getKey().substring(k[0].length() + k[1].length() + 2, e.getKey().lastIndexOf('.'));
            String what = k[k.length - 1], where = d + " " + e.getKey();
            switch (k[0]) {
                case "object" -> {
                    DrgnObject o = prog.object(sym, ObjectFinder.ANY, null);
                    switch (what) {
                        case "address" -> assertEquals(want.hex(e.getKey()), o.address(), where);
                        case "type" -> assertEquals(e.getValue(), o.type().typeName(), where);
                        case "sizeof" -> assertEquals(Long.parseLong(e.getValue()), o.sizeof(), where);
                        case "value" -> assertEquals(e.getValue(), oneLine(o.format(FormatOptions.DEFAULT)), where);
                        default -> fail(where);
                    }
                }
                case "function" -> {
                    long address = prog.object(sym, ObjectFinder.ANY, null).address();
                    switch (what) {
                        case "address" -> assertEquals(want.hex(e.getKey()), address, where);
                        case "symbol" -> {
                            Symbol s = prog.symbol(address + 1);
                            assertEquals(e.getValue(), String.format("%s+0x%x/0x%x", s.name(), address + 1 - s.address(), s.size()), where);
                        }
                        default -> fail(where);
                    }
                }
                case "type" -> assertEquals(Long.parseLong(e.getValue()), prog.objectContext().type(sym).sizeof(), where);
                default -> { continue; }
            }
            compared++;
        }
        // symbols drgn could not find (init code freed after loading) are not found here either
        for (Map.Entry<String, String> e : want.facts().entrySet()) {
            if (!e.getKey().endsWith(".symbol") || !e.getValue().startsWith("ERROR LookupError")) continue;
            long a = want.hex(e.getKey().substring(0, e.getKey().length() - ".symbol".length()) + ".address");
            assertTrue(prog.target().symbolAt(a + 1).isEmpty(), e.getKey());
            compared++;
        }
        compared += framesMatch(d, prog, want);
        assertTrue(compared >= 200, d + ": only " + compared + " module facts compared");
        System.out.println("[kernel-modules] " + d + ": " + compared + " module facts equal to drgn's");
    }

    /**
     * No -s files, default search on, in the extracted packages' root: vmlinux under
     * usr/lib/debug/boot, the modules under usr/lib/debug/lib/modules/RELEASE (found by name,
     * checked by build ID), as drgn's default search finds them on a distribution.
     */
    @ParameterizedTest
    @EnumSource(value = KernelDump.class, names = {"KDUMP_DISKDUMP", "PANIC_ELF_PAGING"})
    void modulesFoundByReleaseUnderTheDebugRoot(KernelDump d) {
        KernelCores.assumeOracle();
        OracleFacts want = oracle(d);
        Program prog = new Program(null);
        List<String> warnings = new ArrayList<>();
        KernelLoader.open(prog, KernelCores.dump(d), new DebugInfoOptions(List.of(), true, false), KernelCores.packageRoot(),
                warnings::add);
        java.nio.file.Path tree = KernelCores.packageRoot().resolve("usr/lib/debug/lib/modules").resolve(KernelCores.release());
        List<Module> mods = prog.target().loadedModules().orElseThrow().lateModules().orElseThrow();
        assertEquals(want.get("modules"), String.join(" ", mods.stream().map(Module::name).toList()));
        for (Module m : mods) {
            String file = m.debugFile().orElseThrow().name();
            assertTrue(file.startsWith(tree.toString()), file);
            assertTrue(KernelCores.debugModules().stream().anyMatch(p -> p.toString().equals(file)), file);
        }
        assertEquals(want.hex("object.pvpanic.pvpanic_list.address"), prog.object("pvpanic_list", ObjectFinder.ANY, null).address());
        assertEquals(want.get("object.qemu_fw_cfg.fw_cfg_rev.value"),
                prog.object("fw_cfg_rev", ObjectFinder.ANY, null).format(FormatOptions.DEFAULT));
        assertEquals(List.of(), warnings);
    }

    /**
     * What the 3 modules cost once vmlinux is indexed, each step timed on its own (median of
     * 7 warm runs; the first, cold run printed too): the walk of the module list, the
     * relocation of the 3 .ko files, the indexing of their DWARF.
     */
    @Test
    void loadTimeOfTheThreeModules() {
        KernelCores.assumeOracle();
        Program prog = new Program(null);
        KernelLoader.open(prog, KernelCores.dump(KernelDump.KDUMP_DISKDUMP),
                new DebugInfoOptions(List.of(KernelCores.vmlinux()), false, false), w -> fail(w));
        prog.objectContext().type("struct module"); // vmlinux indexed: not timed
        KernelModuleFiles files = new KernelModuleFiles(KernelCores.debugModules(), false, KernelCores.packageRoot(),
                KernelCores.release(), w -> fail(w));
        long[][] ns = new long[8][3];
        for (int run = 0; run < ns.length; run++) {
            long t0 = System.nanoTime();
            List<org.jdrgn.linux.LoadedKernelModule> loaded = org.jdrgn.linux.KernelModuleWalk.all(new KernelProgramObjects(prog));
            long t1 = System.nanoTime();
            List<org.jdrgn.elf.ElfFile> placed = new ArrayList<>();
            for (var m : loaded) placed.add(KernelModules.place(m, files.find(m.name(), m.buildId()).orElseThrow(), w -> fail(w)).orElseThrow());
            long t2 = System.nanoTime();
            org.jdrgn.index.DebugIndex index = new org.jdrgn.index.DebugIndex(org.jdrgn.index.IndexCache.none());
            for (var f : placed) index.add(org.jdrgn.dwarf.Dwarf.open(DebugInfo.sections(f)), null);
            long t3 = System.nanoTime();
            assertEquals(KernelCores.debugModules().size(), loaded.size());
            assertFalse(index.lookup("pvpanic_list", java.util.EnumSet.of(org.jdrgn.index.IndexKind.VARIABLE)).isEmpty());
            ns[run] = new long[] {t1 - t0, t2 - t1, t3 - t2};
        }
        long[][] warm = java.util.Arrays.copyOfRange(ns, 1, ns.length);
        double[] median = new double[3];
        for (int i = 0; i < 3; i++) {
            final int c = i;
            long[] col = java.util.Arrays.stream(warm).mapToLong(r -> r[c]).sorted().toArray();
            median[i] = col[col.length / 2] / 1e6;
        }
        System.out.printf("[kernel-modules] 3 modules: walk %.2f ms, relocate %.2f ms, index %.2f ms (warm medians);"
                + " cold: %.1f / %.1f / %.1f ms%n", median[0], median[1], median[2], ns[0][0] / 1e6, ns[0][1] / 1e6, ns[0][2] / 1e6);
    }

    /**
     * The first lookup of a fresh program may be a primitive type (an integer literal's type),
     * computed inside the object context's cache: the module walk it starts must not re-enter
     * that cache, and a lookup racing it from another thread must not deadlock.
     */
    @Test
    void firstLookupAPrimitiveWhileAnotherThreadLooksUpAModuleGlobal() throws Exception {
        KernelCores.assumeOracle();
        OracleFacts want = oracle(KernelDump.PANIC_DISKDUMP);
        Program prog = new Program(null);
        KernelLoader.open(prog, KernelCores.dump(KernelDump.PANIC_DISKDUMP), new DebugInfoOptions(symbolFiles(), false, false),
                w -> fail(w));
        Program alone = new Program(null);
        KernelLoader.open(alone, KernelCores.dump(KernelDump.PANIC_DISKDUMP), new DebugInfoOptions(symbolFiles(), false, false),
                w -> fail(w));
        assertEquals(8L, alone.objectContext().primitive(org.jdrgn.types.PrimitiveType.C_SIZE_T).sizeof());
        assertEquals(want.hex("object.pvpanic.pvpanic_list.address"), alone.object("pvpanic_list", ObjectFinder.ANY, null).address());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var size = pool.submit(() -> prog.objectContext().primitive(org.jdrgn.types.PrimitiveType.C_SIZE_T).sizeof());
            var list = pool.submit(() -> prog.object("pvpanic_list", ObjectFinder.ANY, null).address());
            assertEquals(8L, size.get(120, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(want.hex("object.pvpanic.pvpanic_list.address"), list.get(120, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(KernelCores.debugModules().size(), prog.target().loadedModules().orElseThrow().lateModules().orElseThrow().size());
    }

    /** Without a .ko given or searched for, the module list is not walked (drgn 0.0.22 neither). */
    @Test
    void noModuleFilesNoWalk() {
        KernelCores.assumeOracle();
        Program prog = new Program(null);
        KernelLoader.open(prog, KernelCores.dump(KernelDump.KDUMP_DISKDUMP),
                new DebugInfoOptions(List.of(KernelCores.vmlinux()), false, false), w -> fail(w));
        assertEquals(List.of(), prog.target().loadedModules().orElseThrow().lateModules().orElseThrow());
        assertNull(prog.findObject("pvpanic_list", ObjectFinder.ANY, null));
    }

    /** The crashed thread's frames in module code: function, pc, source, symbol. */
    private static int framesMatch(KernelDump d, Program prog, OracleFacts want) {
        String frames = want.get("frames");
        if (frames.isBlank()) return 0;
        FrameTrace trace = StackTraces.forProgram(prog).trace(prog.crashedThread());
        int n = 0;
        for (String i : frames.split(" ")) {
            StackFrame f = trace.frames().get(Integer.parseInt(i));
            String where = d + " frame " + i;
            assertEquals(want.get("frame." + i + ".function"), f.name(), where);
            assertEquals(want.hex("frame." + i + ".pc"), f.pc(), where);
            assertEquals(want.get("frame." + i + ".source"), f.source().map(s -> s.file() + ":" + s.line() + ":" + s.column()).orElse(null), where);
            Symbol s = f.symbol().orElseThrow();
            assertEquals(want.get("frame." + i + ".symbol"), String.format("%s 0x%x 0x%x", s.name(), s.address(), s.size()), where);
            n++;
        }
        return n;
    }

    private static String oneLine(String s) { return String.join(" ", s.trim().split("\\s+")); }
}
