package org.jdrgn.testcores;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The kernel test material is what KernelCores says it is: every dump file in its format
 * (magic numbers from the ELF, makedumpfile and diskdump layouts), and drgn's oracle agrees
 * with the kernel's own panic message on the serial console. Skipped when not made.
 */
class KernelCoresTest {
    private static final short ET_EXEC = 2, ET_CORE = 4, EM_X86_64 = 62;
    /** "CPU: 1 PID: 199 Comm: panicker ..." printed by the panicking kernel (dump_stack). */
    private static final Pattern PANIC_LINE = Pattern.compile("CPU: (\\d+) PID: (\\d+) Comm: panicker");

    @Test
    void everyDumpIsInItsFormat() throws IOException {
        KernelCores.assumeDumps();
        List<String> listed = Arrays.asList(propertyList());
        for (KernelDump d : KernelDump.values()) {
            Path p = KernelCores.dump(d);
            assertTrue(listed.contains(d.fileName()), d + " not in kernel.properties dump_files " + listed);
            byte[] head = head(p, 64);
            switch (d.format()) {
                case ELF_PHYSICAL, ELF_PAGING, ELF_KDUMP -> {
                    assertElf(p, head, ET_CORE);
                }
                case FLATTENED -> assertEquals("makedumpfile", ascii(head, 12), p.toString());
                case DISKDUMP, DISKDUMP_QEMU -> assertEquals("KDUMP   ", ascii(head, 8), p.toString());
            }
        }
        assertEquals(KernelDump.values().length, listed.size(), "dump_files " + listed);
    }

    @Test
    void vmlinuxIsTheDebugKernel() throws IOException {
        KernelCores.assumeDumps();
        assertElf(KernelCores.vmlinux(), head(KernelCores.vmlinux(), 64), ET_EXEC);
        assertTrue(Files.size(KernelCores.vmlinux()) > 100L << 20, "vmlinux with DWARF is hundreds of MB");
        // the 3 modules every guest needs (QEMU's vmcoreinfo and pvpanic devices) and more
        assertTrue(KernelCores.debugModules().stream().map(m -> m.getFileName().toString()).toList()
                .containsAll(List.of("qemu_fw_cfg.ko", "pvpanic.ko", "pvpanic-mmio.ko")), KernelCores.debugModules().toString());
        for (Path m : KernelCores.debugModules()) assertTrue(Files.isRegularFile(m), m.toString());
    }

    @Test
    void oracleAgreesWithTheKernelsPanicMessage() throws IOException {
        KernelCores.assumeOracle();
        // kdump: crashing_cpu and the crashed thread are the real ones
        Matcher k = panicLine(KernelDump.State.KDUMP);
        OracleFacts kdump = KernelCores.facts(KernelDump.KDUMP_ELF);
        assertEquals(Integer.parseInt(k.group(1)), kdump.integer("crashing_cpu"));
        assertEquals(Integer.parseInt(k.group(2)), kdump.crashedTid());
        assertEquals("panicker", kdump.get("crashed_thread.comm"));
        // QEMU panic: crashing_cpu stays -1, but the panicking task is curr on its CPU
        Matcher p = panicLine(KernelDump.State.PANIC);
        OracleFacts panic = KernelCores.facts(KernelDump.PANIC_ELF_PAGING);
        assertEquals(-1, panic.integer("crashing_cpu"));
        assertEquals(Integer.parseInt(p.group(2)), panic.integer("cpu." + p.group(1) + ".curr.pid"));
        for (KernelDump d : List.of(KernelDump.LIVE_ELF_PAGING, KernelDump.PANIC_ELF_PAGING, KernelDump.KDUMP_ELF)) {
            OracleFacts f = KernelCores.facts(d);
            assertEquals(KernelCores.release(), f.get("init_uts_ns.name.release"), d.toString());
            assertEquals(KernelCores.release(), f.get("vmcoreinfo.OSRELEASE"), d.toString());
        }
    }

    @Test
    void tracesCoverEveryTaskTheFactsList() {
        KernelCores.assumeOracle();
        for (KernelDump d : KernelDump.values()) {
            if (d.reference() != d) continue;
            OracleFacts facts = KernelCores.facts(d);
            Map<Long, Long> rows = KernelCores.traces(d).stream()
                    .collect(Collectors.groupingBy(KernelTraceFrame::task, LinkedHashMap::new, Collectors.counting()));
            for (var e : facts.facts().entrySet()) {
                if (!e.getKey().matches("task\\.0x[0-9a-f]+\\.trace") || e.getValue().startsWith("ERROR")) continue;
                long task = Long.parseUnsignedLong(e.getKey().substring(7, e.getKey().length() - 6), 16);
                assertEquals(e.getValue(), rows.getOrDefault(task, 0L) + " frames", d + " " + e.getKey());
            }
            assertFalse(rows.isEmpty(), d.toString());
        }
        // the real kdump's crashed task is inside the sysrq-c handler
        long crashed = KernelCores.facts(KernelDump.KDUMP_ELF).hex("crashed_thread.object");
        assertTrue(KernelCores.traces(KernelDump.KDUMP_ELF).stream().anyMatch(f -> f.task() == crashed
                && f.function().orElse("").equals("sysrq_handle_crash")
                && f.file().orElse("").equals("drivers/tty/sysrq.c")));
    }

    private static Matcher panicLine(KernelDump.State state) throws IOException {
        String log = Files.readString(KernelCores.consoleLog(state), StandardCharsets.ISO_8859_1);
        Matcher m = PANIC_LINE.matcher(log);
        assertTrue(m.find(), "no panic line in " + KernelCores.consoleLog(state));
        return m;
    }

    private static String[] propertyList() throws IOException {
        var props = new java.util.Properties();
        try (var r = Files.newBufferedReader(KernelCores.cacheDir().resolve("kernel.properties"))) {
            props.load(r);
        }
        return props.getProperty("dump_files").strip().split(" ");
    }

    private static void assertElf(Path p, byte[] head, short type) {
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x464c457f, b.getInt(0), p + ": ELF magic");
        assertEquals(2, head[4], p + ": ELFCLASS64");
        assertEquals(type, b.getShort(16), p + ": e_type");
        assertEquals(EM_X86_64, b.getShort(18), p + ": e_machine");
    }

    private static byte[] head(Path p, int n) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] b = in.readNBytes(n);
            assertEquals(n, b.length, p + " is too short");
            return b;
        }
    }

    private static String ascii(byte[] b, int n) {
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }
}
