package org.jdrgn.program;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.ElfRelocator;
import org.jdrgn.elf.ElfSymbol;
import org.jdrgn.elf.SectionHeader;
import org.jdrgn.stack.ModuleDwarf;
import org.jdrgn.stack.SourceLocation;
import org.jdrgn.testcores.KernelCores;
import org.junit.jupiter.api.Test;

/**
 * A debug .ko relocated by {@link ElfRelocator} with every allocated section at a made-up
 * address, against gdb's own relocation of the same file ({@code add-symbol-file FILE -s
 * SECTION ADDRESS ...}): the address of every variable and function its DWARF defines, the
 * line table's line at each function's 5th byte, and the ELF symbol there.
 */
class KernelModuleRelocationTest {
    private static final long BASE = 0xffffffffc1000000L, STEP = 0x10000;

    @Test
    void eachModuleAsGdbRelocatesIt() throws Exception {
        KernelCores.assumeDumps();
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gdb")), "gdb not installed");
        int compared = 0;
        for (Path ko : KernelCores.debugModules()) compared += compare(ko);
        assertTrue(compared >= 100, "only " + compared + " answers compared");
        System.out.println("[ko-relocation] " + compared + " addresses, lines and symbols equal to gdb's");
    }

    private int compare(Path path) throws Exception {
        ElfFile ko = ElfFile.open(path);
        Map<String, Long> layout = new LinkedHashMap<>();
        long next = BASE;
        for (SectionHeader s : ko.sections()) {
            if (s.isAlloc()) layout.put(s.name(), next += STEP);
        }
        long t0 = System.nanoTime();
        ElfFile placed = ElfRelocator.place(ko, s -> layout.getOrDefault(s.name(), 0L));
        long t1 = System.nanoTime();
        Module module = new Module(path.toString(), Module.Kind.KERNEL_MODULE, BASE, next + STEP, 0, ko.buildId(),
                Optional.of(placed), Optional.of(placed));
        Program prog = new Program(Platform.X86_64);
        DebugInfo debug = new DebugInfo(List.of(module), w -> fail(w));
        prog.types().addFinder(debug);
        prog.addObjectFinder(new DwarfObjectFinder(debug, prog.objectContext(), () -> null));
        ModuleDwarf dwarf = ModuleDwarf.of(module).orElseThrow();
        System.out.printf("[ko-relocation] %s: relocated in %.2f ms (%s)%n", path.getFileName(), (t1 - t0) / 1e6,
                String.join(" ", ElfRelocator.relocatedSections(ko)));

        List<String> names = new ArrayList<>();
        for (ElfSymbol s : ko.symbols()) {
            int t = s.symbolType();
            if ((t == ElfSymbol.STT_OBJECT || t == ElfSymbol.STT_FUNC) && s.isDefined() && s.name().matches("[A-Za-z_][A-Za-z0-9_]*")
                    && address(prog, s.name()) != null && !names.contains(s.name())) {
                names.add(s.name());
            }
        }
        List<String> commands = new ArrayList<>();
        StringBuilder add = new StringBuilder("add-symbol-file " + path);
        layout.forEach((name, address) -> add.append(" -s ").append(name).append(" 0x").append(Long.toHexString(address)));
        commands.add(add.toString());
        for (String n : names) {
            commands.add("info address " + n);
            long a = prog.findObject(n, ObjectFinder.ANY, null).address();
            if (isFunction(ko, n)) {
                commands.add("info line *0x" + Long.toHexString(a + 4));
                commands.add("info symbol 0x" + Long.toHexString(a + 4));
            }
        }
        List<String> gdb = gdb(commands);
        int compared = 0;
        Pattern address = Pattern.compile("^Symbol \"(\\w+)\" is (?:static storage at address|a function at address) (0x[0-9a-f]+)\\.$");
        Pattern line = Pattern.compile("^Line (\\d+) of \"([^\"]+)\" starts at address (0x[0-9a-f]+)");
        Pattern symbol = Pattern.compile("^(\\S+) \\+ 4 in section (\\S+)$");
        String last = null;
        long lastAddress = 0;
        for (String out : gdb) {
            Matcher m = address.matcher(out);
            if (m.matches()) {
                last = m.group(1);
                lastAddress = Long.parseUnsignedLong(m.group(2).substring(2), 16);
                assertEquals(lastAddress, prog.findObject(last, ObjectFinder.ANY, null).address(), path + " " + last);
                compared++;
                continue;
            }
            m = line.matcher(out);
            if (m.find() && last != null) {
                SourceLocation s = dwarf.sourceAt(lastAddress + 4).orElseThrow(() -> new AssertionError("no line"));
                assertEquals(Long.parseLong(m.group(1)), s.line(), path + " line at " + last + "+4");
                assertTrue(s.file().endsWith(m.group(2)) || m.group(2).endsWith(s.file()), s.file() + " vs " + m.group(2));
                compared++;
                continue;
            }
            m = symbol.matcher(out);
            if (m.matches() && last != null) {
                String name = module.symbols().lookup(lastAddress + 4).orElseThrow().name();
                assertEquals(m.group(1), name, path + " symbol at " + last + "+4");
                compared++;
            }
        }
        return compared;
    }

    /** The run-time address DWARF gives the name; null if none (absent: inlined only, or an alias DWARF lacks). */
    private static Long address(Program prog, String name) {
        var o = prog.findObject(name, ObjectFinder.ANY, null);
        return o == null ? null : o.address();
    }

    private static boolean isFunction(ElfFile ko, String name) {
        return ko.symbols().stream().anyMatch(s -> s.name().equals(name) && s.symbolType() == ElfSymbol.STT_FUNC);
    }

    private static List<String> gdb(List<String> commands) throws IOException, InterruptedException {
        Path script = Files.createTempFile("ko-relocation", ".gdb");
        try {
            Files.write(script, commands);
            Process p = new ProcessBuilder("gdb", "-nx", "-batch", "-x", script.toString()).redirectErrorStream(true).start();
            List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertEquals(0, p.waitFor(), String.join("\n", out));
            return out;
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
