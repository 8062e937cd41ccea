package org.jdrgn.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdrgn.error.DrgnException;
import org.jdrgn.lang.FrameAccess;
import org.jdrgn.lang.KernelHelpers;
import org.jdrgn.objects.CArithmetic;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.objects.FormatOptions;
import org.jdrgn.program.load.DumpLoader;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.ObjectFinder;
import org.jdrgn.program.Program;
import org.jdrgn.stack.FrameTrace;
import org.jdrgn.variables.FrameVariables;
import org.jdrgn.variables.VariableReader;

/**
 * The engine's share of scripts-py/kernel_crash.py, from Java (no GraalPy), split by phase:
 * the same calls the Python adapter makes, in the script's order. Not a unit test: timings
 * vary by machine. Usage: KernelCrashBench [--rounds N] [--smaps] VMCORE VMLINUX. Round 1 is the cold
 * figure a script pays; later rounds open a fresh Program with a warm JIT. Prints
 * "round&lt;TAB&gt;phase&lt;TAB&gt;wall ms&lt;TAB&gt;CPU ms of the main thread"; with {@code --smaps},
 * then the resident KB per mapping and per vmlinux section.
 */
public final class KernelCrashBench {
    private static volatile Object sink;

    private KernelCrashBench() {}

    public static void main(String[] args) {
        int rounds = 1;
        boolean smaps = false;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rounds")) rounds = Integer.parseInt(args[++i]);
            else if (args[i].equals("--smaps")) smaps = true;
            else files.add(args[i]);
        }
        if (files.size() != 2) {
            System.err.println("usage: KernelCrashBench [--rounds N] [--smaps] VMCORE VMLINUX");
            System.exit(2);
        }
        for (int r = 1; r <= rounds; r++) {
            Map<String, Long> t = run(Path.of(files.get(0)), Path.of(files.get(1)));
            long total = 0, cpu = 0;
            for (var e : t.entrySet()) {
                if (e.getKey().endsWith(".cpu")) continue;
                long c = t.get(e.getKey() + ".cpu");
                System.out.printf("%d\t%s\t%d\t%d%n", r, e.getKey(), e.getValue(), c);
                total += e.getValue();
                cpu += c;
            }
            System.out.printf("%d\ttotal\t%d\t%d%n", r, total, cpu);
        }
        if (smaps) {
            sectionsOf = Path.of(files.get(1)).toAbsolutePath().toString();
            residentByMapping();
        }
    }

    /** The vmlinux whose resident pages are split by ELF section ({@code --smaps}). */
    private static String sectionsOf;

    /**
     * Resident KB per ELF section of one mapping of {@link #sectionsOf} (range "lo-hi" at file
     * offset {@code fileOff}), from /proc/self/pagemap (present bit): what the engine touched.
     */
    private static void residentBySection(String range, long fileOff) throws java.io.IOException {
        String[] r = range.split("-");
        long lo = Long.parseUnsignedLong(r[0], 16), hi = Long.parseUnsignedLong(r[1], 16);
        var sections = org.jdrgn.elf.ElfFile.open(Path.of(sectionsOf)).sections();
        Map<String, Long> kb = new LinkedHashMap<>();
        try (var pm = new java.io.RandomAccessFile("/proc/self/pagemap", "r")) {
            byte[] e = new byte[8];
            for (long page = lo; Long.compareUnsigned(page, hi) < 0; page += 4096) {
                pm.seek(page / 4096 * 8);
                pm.readFully(e);
                if ((e[7] & 0x80) == 0) continue;                       // bit 63: present
                long off = fileOff + (page - lo);
                String name = "(headers)";
                for (var sh : sections) if (sh.type() != 8 && off >= sh.offset() && off < sh.offset() + sh.size()) name = sh.name();
                kb.merge(name, 4L, Long::sum);
            }
        }
        kb.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                .forEach(x -> System.out.printf("rss_kb_section\t%s\t%d%n", x.getKey(), x.getValue()));
    }

    /** Resident KB per mapped file (and "[anon]": heap, JIT, metaspace) from /proc/self/smaps: where RSS goes. */
    private static void residentByMapping() {
        Map<String, Long> kb = new LinkedHashMap<>();
        String current = "[anon]";
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/smaps"))) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 5 && f[0].matches("[0-9a-f]+-[0-9a-f]+")) {
                    current = f.length >= 6 ? f[5] : "[anon]";
                    if (current.equals(sectionsOf)) residentBySection(f[0], Long.parseLong(f[2], 16));
                } else if (f[0].equals("Rss:")) kb.merge(current, Long.parseLong(f[1]), Long::sum);
            }
        } catch (java.io.IOException e) {
            System.out.println("rss\tunavailable\t" + e.getMessage());
            return;
        }
        kb.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> System.out.printf("rss_kb\t%s\t%d%n", e.getKey(), e.getValue()));
    }

    /** One pass of the script's work on a fresh Program: phase → wall ms. */
    static Map<String, Long> run(Path vmcore, Path vmlinux) {
        Map<String, Long> t = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        cpu0 = THREADS.getCurrentThreadCpuTime();
        Program prog = new Program(null);
        DumpLoader.open(prog, vmcore, new DebugInfoOptions(List.of(vmlinux), true, false), w -> { });
        t0 = lap(t, "open", t0);
        sink = prog.object("init_uts_ns", ObjectFinder.ANY, null).member("name").member("release").toString();
        t0 = lap(t, "first_lookup", t0);
        DrgnObject cpu = prog.object("crashing_cpu", ObjectFinder.ANY, null);
        DrgnObject runqueues = prog.object("runqueues", ObjectFinder.ANY, null);
        DrgnObject task = KernelHelpers.perCpu(prog, runqueues, cpu.toInt().longValue()).member("curr");
        sink = task.member("pid").toInt() + " " + task.member("comm").toString();
        t0 = lap(t, "crashed_task", t0);
        FrameTrace trace = FrameAccess.taskTrace(prog, task.toInt().longValue());
        t0 = lap(t, "unwind", t0);
        sink = trace.toString();
        t0 = lap(t, "trace_str", t0);
        VariableReader vars = new VariableReader(prog, prog.objectContext());
        List<List<String>> names = new ArrayList<>();
        for (int i = 0; i < trace.frames().size(); i++) names.add(FrameVariables.names(trace.frames().get(i)));
        t0 = lap(t, "locals", t0);
        List<DrgnObject> values = new ArrayList<>();
        for (int i = 0; i < trace.frames().size(); i++) {
            for (String n : names.get(i)) {
                try {
                    values.add(vars.read(trace, i, n));
                } catch (DrgnException e) {
                    sink = e;
                }
            }
        }
        t0 = lap(t, "variables", t0);
        FormatOptions fmt = FormatOptions.DEFAULT.with(FormatOptions.DEREFERENCE, false).withColumns(120);
        StringBuilder out = new StringBuilder();
        for (DrgnObject v : values) {
            try {
                out.append(v.format(fmt));
            } catch (DrgnException e) {
                out.append(e.getMessage());
            }
        }
        sink = out;
        t0 = lap(t, "format", t0);
        DrgnObject ptr = runqueues.addressOf();
        long c = KernelHelpers.taskCpu(prog, task);
        sink = KernelHelpers.perCpuPtr(prog, ptr, c).sub(KernelHelpers.perCpuPtr(prog, ptr, 0));
        sink = KernelHelpers.perCpu(prog, runqueues, c).member("curr").compare(CArithmetic.Comparison.EQ, task);
        lap(t, "per_cpu", t0);
        return t;
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static long cpu0;

    /** Records the phase's wall ms, and its CPU ms on this thread (steadier on a loaded machine; JIT threads not counted) under "phase.cpu". */
    private static long lap(Map<String, Long> t, String phase, long t0) {
        long now = System.nanoTime(), cpu = THREADS.getCurrentThreadCpuTime();
        t.put(phase, (now - t0) / 1_000_000);
        t.put(phase + ".cpu", (cpu - cpu0) / 1_000_000);
        cpu0 = cpu;
        return now;
    }
}
