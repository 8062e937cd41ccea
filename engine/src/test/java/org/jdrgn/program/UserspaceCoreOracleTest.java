package org.jdrgn.program;

import org.jdrgn.program.userspace.ModuleFinder;
import org.jdrgn.program.userspace.DebugFileFinder;
import org.jdrgn.elf.Symbol;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdrgn.core.CoreDump;
import org.jdrgn.core.CoreMemory;
import org.jdrgn.core.PrStatus;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.error.FaultException;
import org.jdrgn.testcores.OracleFacts;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every committed test core against drgn 0.0.22's basics oracle: threads, crashed thread,
 * first-frame registers, symbols by name and address, symbol counts and raw reads. Reads
 * drgn cannot do (memory not saved in a kernel-written core: text, .rodata) are checked
 * against gdb, which reads them from the mapped files too.
 */
class UserspaceCoreOracleTest {
    record Loaded(CoreDump core, CoreMemory memory, LoadedModules modules) {}

    @BeforeAll
    static void runTree() { TestCores.materializeRunTree(); }

    static Stream<String> cores() { return TestCores.list().stream(); }

    static Loaded load(String name) throws IOException {
        CoreDump core = CoreDump.of(ElfFile.open(TestCores.core(name)));
        LoadedModules modules = ModuleFinder.find(core, new DebugFileFinder(List.of(), true));
        return new Loaded(core, new CoreMemory(core, modules.fileSource()), modules);
    }

    @ParameterizedTest
    @MethodSource("cores")
    void threadsAndRegisters(String name) throws IOException {
        OracleFacts o = TestCores.oracle(name, "basics");
        Loaded l = load(name);
        assertEquals(o.tids(), l.core().threads().stream().map(PrStatus::tid).sorted().toList());
        assertEquals(o.crashedTid(), l.core().crashedThread().orElseThrow().tid());
        for (PrStatus t : l.core().threads()) {
            for (String r : List.of("rip", "rsp")) {
                String key = "thread." + t.tid() + "." + r;
                if (!o.isError(key)) assertEquals(o.hex(key), t.register(r), key);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cores")
    void symbols(String name) throws IOException {
        OracleFacts o = TestCores.oracle(name, "basics");
        LoadedModules m = load(name).modules();
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, String> f : o.facts().entrySet()) {
            String key = f.getKey();
            String got;
            if (key.startsWith("symbol@0x")) {
                long addr = Long.parseUnsignedLong(key.substring(9), 16);
                got = m.symbolAt(addr).map(UserspaceCoreOracleTest::fmt)
                        .orElse("ERROR LookupError: could not find symbol containing 0x" + Long.toHexString(addr));
            } else if (key.startsWith("symbol.")) {
                String sym = key.substring(7);
                got = m.symbolNamed(sym).map(UserspaceCoreOracleTest::fmt)
                        .orElse("ERROR LookupError: could not find symbol with name '" + sym + "'");
            } else if (key.equals("symbols.count")) {
                // drgn 0.0.22 does not report the vDSO as a module; we do (its symbols and CFI help traces).
                int vdso = m.modules().stream().filter(x -> x.kind() == Module.Kind.VDSO)
                        .mapToInt(x -> x.symbols().all().size()).sum();
                got = Integer.toString(m.symbols().size() - vdso);
            } else if (key.startsWith("symbols.") && key.endsWith(".count")) {
                got = Integer.toString(m.symbols(key.substring(8, key.length() - 6)).size());
            } else {
                continue;
            }
            if (!got.equals(f.getValue())) mismatches.add(key + ": drgn " + f.getValue() + " | ours " + got);
        }
        assertEquals(List.of(), mismatches, m.modules().toString());
    }

    @ParameterizedTest
    @MethodSource("cores")
    void rawReads(String name) throws IOException {
        OracleFacts o = TestCores.oracle(name, "basics");
        Loaded l = load(name);
        List<Long> unsaved = new ArrayList<>();
        Map<Long, String> drgnErrors = new java.util.HashMap<>();
        int viaFile = 0;
        for (Map.Entry<String, String> f : o.facts().entrySet()) {
            if (!f.getKey().startsWith("read@0x")) continue;
            long addr = Long.parseUnsignedLong(f.getKey().substring(7), 16);
            if (f.getValue().startsWith("ERROR FaultError: ")) {
                unsaved.add(addr); // drgn 0.0.22 stops here; we read the mapped file where gdb can
                drgnErrors.put(addr, f.getValue());
            } else {
                assertEquals(f.getValue(), read(l, addr), f.getKey());
            }
        }
        if (!unsaved.isEmpty()) {
            Map<Long, String> gdb = GdbReads.read16(TestCores.runPath(name), TestCores.core(name), unsaved);
            for (long addr : unsaved) {
                String want = gdb.get(addr) != null ? gdb.get(addr) : drgnErrors.get(addr);
                assertEquals(want, read(l, addr), "0x" + Long.toHexString(addr) + " (gdb, else drgn's error)");
                if (gdb.get(addr) != null) viaFile++;
            }
        }
        for (long addr : new long[] {0x10, 0xffffffffffff0000L}) {
            String key = "fault@0x" + Long.toHexString(addr) + ".message";
            assertEquals(o.get(key), read(l, addr).replace("ERROR FaultError: ", ""), key);
        }
        if (name.contains(".segv") && !name.contains("filter3f") && !name.contains("static")) {
            assertTrue(viaFile > 0, "a kernel core leaves text out: some reads must come from files");
        }
    }

    @ParameterizedTest
    @MethodSource("cores")
    void rodataFromMappedFile(String name) throws IOException {
        Loaded l = load(name);
        Module main = l.modules().main().orElseThrow();
        long rodata = main.loadedFile().orElseThrow().section(".rodata").orElseThrow().addr() + main.bias();
        CoreMemory coreOnly = new CoreMemory(l.core(), org.jdrgn.core.MappedFileSource.NONE);
        boolean saved;
        try {
            coreOnly.read(rodata, 16, false);
            saved = true;
        } catch (FaultException e) {
            // kernel cores have a filesz=0 PT_LOAD there; gdb's gcore has none
            assertTrue(e.getMessage().equals("memory not saved in core dump: 0x" + Long.toHexString(rodata))
                    || e.getMessage().equals("could not find memory segment: 0x" + Long.toHexString(rodata)), e.getMessage());
            saved = false;
        }
        if (name.endsWith(".segv") || name.endsWith(".abort")) assertFalse(saved, "kernel cores omit .rodata");
        String gdb = GdbReads.read16(TestCores.runPath(name), TestCores.core(name), List.of(rodata)).get(rodata);
        assertEquals(gdb, read(l, rodata), ".rodata at 0x" + Long.toHexString(rodata));
    }

    static String read(Loaded l, long addr) {
        try {
            return HexFormat.of().formatHex(l.memory().read(addr, 16, false));
        } catch (FaultException e) {
            return "ERROR FaultError: " + e.getMessage();
        }
    }

    static String fmt(Symbol s) {
        return s.name() + " 0x" + Long.toHexString(s.address()) + " 0x" + Long.toHexString(s.size()) + " "
                + s.binding().name() + " " + s.kind().name();
    }
}
