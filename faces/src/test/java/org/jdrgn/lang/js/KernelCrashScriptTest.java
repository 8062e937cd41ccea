package org.jdrgn.lang.js;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdrgn.lang.python.PythonHarness;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.kernel.KernelLoader;
import org.jdrgn.program.Program;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.jdrgn.testcores.OracleFacts;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The seed investigation on the real kdump: scripts-js/kernel_crash.js prints exactly what
 * scripts-py/kernel_crash.py prints (both faces over one engine), and that output holds
 * drgn 0.0.22's seed.crashed_thread.* facts: the crashed task, its trace, every frame
 * variable drgn could read, the cast, the pointer difference and the per-CPU lookup.
 */
@Tag("slow")
class KernelCrashScriptTest {
    private static final String SEED = "seed.crashed_thread.";
    private static final Pattern FRAME_HEADER = Pattern.compile("^#(\\d+) (\\S+):$");
    private static final Pattern VARIABLE = Pattern.compile("^    (\\w+) = (.*)$");

    private static final KernelDump DUMP = KernelDump.KDUMP_ELF;
    private static Program prog;

    private static synchronized Program program() {
        KernelCores.assumeOracle();
        if (prog == null) {
            prog = new Program(null);
            KernelLoader.open(prog, KernelCores.dump(DUMP),
                    new DebugInfoOptions(List.of(KernelCores.vmlinux()), false, false), w -> { });
        }
        return prog;
    }

    @Test
    void jsEqualsPythonAndDrgn() {
        Program prog = program();
        KernelDump dump = DUMP;
        Path scripts = TestCores.root().getParent();

        JsHarness.Result js = JsHarness.script(prog, scripts.resolve("scripts-js/kernel_crash.js"));
        assertEquals(0, js.status(), js.err());
        String py = PythonHarness.out(prog, "import runpy\nrunpy.run_path(" + pyString(scripts.resolve("scripts-py/kernel_crash.py"))
                + ", init_globals={'prog': prog}, run_name='__main__')\n");
        assertEquals(py, js.out(), "kernel_crash.js and kernel_crash.py print differently");

        checkAgainstDrgn(js.out().lines().toList(), KernelCores.facts(dump));
    }

    /** The per-CPU and scheduler helpers on every CPU, against drgn's cpu.N.* facts. */
    @Test
    void perCpuHelpersMatchDrgn() {
        Program prog = program();
        OracleFacts o = KernelCores.facts(DUMP);
        String out = JsHarness.out(prog, """
                const { perCpu, perCpuPtr, cpuCurr, idleTask, taskCpu } = drgn;
                const hex = (n) => '0x' + n.toString(16);
                const rqs = prog.get('runqueues').addressOf_();
                for (let cpu = 0; cpu < Number(prog.get('nr_cpu_ids').value_()); cpu++) {
                    const curr = cpuCurr(prog, cpu);
                    console.log([cpu, hex(perCpuPtr(rqs, cpu).value_()), hex(curr.value_()), curr.pid.int_(),
                        perCpu(prog.get('runqueues'), BigInt(cpu)).curr.comm.string_(), hex(idleTask(prog, cpu).value_()),
                        taskCpu(curr), prog.stackTrace(idleTask(prog, cpu)).length > 0].join(' '));
                }
                """);
        List<String> lines = out.lines().toList();
        assertEquals(o.integer("nr_cpu_ids"), lines.size(), out);
        for (int cpu = 0; cpu < lines.size(); cpu++) {
            String c = "cpu." + cpu + ".";
            assertEquals(String.join(" ", String.valueOf(cpu), o.get(c + "runqueues"), o.get(c + "curr"), o.get(c + "curr.pid"),
                    o.get(c + "curr.comm"), o.get(c + "idle"), String.valueOf(cpu), "true"), lines.get(cpu));
        }
    }

    private static String pyString(Path p) { return "'" + p.toString().replace("\\", "\\\\").replace("'", "\\'") + "'"; }

    /** drgn's one_line(): whitespace runs as single spaces (how the oracle stores values). */
    private static String oneLine(String s) { return String.join(" ", s.strip().split("\\s+")); }

    private static void checkAgainstDrgn(List<String> out, OracleFacts o) {
        assertEquals("kernel " + KernelCores.release(), out.get(0));
        // "cpu 1 curr 0xffff89e95fd06000 is_task True"
        String[] onCpu = o.get(SEED + "per_cpu_curr").split(" ");
        assertEquals("True", onCpu[5]);
        String cpu = onCpu[1];
        assertEquals("crashing CPU " + cpu + ": pid " + o.integer("crashed_thread.tid") + " (" + o.get("crashed_thread.comm") + ")",
                out.get(1));

        // str(trace): drgn's frames by name, then its unnamed ones by pc or symbol
        List<String> drgnTrace = List.of(o.get(SEED + "trace").split(" \\| "));
        for (int i = 0; i < drgnTrace.size(); i++) {
            String line = out.get(2 + i), want = drgnTrace.get(i);
            assertTrue(line.startsWith("#" + i + " "), line);
            if (!want.startsWith("0x")) assertTrue(line.matches("#" + i + "\\s+" + Pattern.quote(want) + " \\(.*"), line + " / drgn: " + want);
        }

        Map<Integer, Map<String, String>> frames = frameVariables(out);
        int compared = 0, drgnFailed = 0;
        for (int i = 0; i < drgnTrace.size(); i++) {
            var names = o.find(SEED + "frame." + i + ".locals");
            if (names.isEmpty()) continue;
            Map<String, String> ours = frames.get(i);
            assertTrue(ours != null, "no variables printed for frame #" + i);
            assertEquals(List.of(names.get().split(",")), new ArrayList<>(ours.keySet()), "frame #" + i + " locals");
            for (var e : ours.entrySet()) {
                String drgn = o.get(SEED + "frame." + i + "." + e.getKey());
                String where = "frame #" + i + " " + e.getKey();
                if (drgn.startsWith("ERROR ")) {
                    drgnFailed++;          // drgn 0.0.22 cannot evaluate DW_OP_entry_value; jdrgn may
                } else if (drgn.equals("<absent>")) {
                    assertTrue(e.getValue().endsWith("<absent>"), where + ": " + e.getValue());
                    compared++;
                } else {
                    assertEquals(drgn, oneLine(e.getValue()), where);
                    compared++;
                }
            }
        }
        assertTrue(compared >= 30, "only " + compared + " variables compared with drgn (" + drgnFailed + " drgn errors)");

        String stack = o.get(SEED + "cast_stack");                      // (unsigned long *)0xffffd25d4043c000
        assertTrue(out.contains("task stack " + stack.substring(stack.indexOf(")") + 1)), stack);
        if (cpu.equals("1")) assertTrue(out.contains("rq - rq0 = " + o.get(SEED + "rq1_minus_rq0")), o.get(SEED + "rq1_minus_rq0"));
        assertEquals("this CPU's current task is the crashed task: True", out.getLast());
        System.out.println("[kernel-crash-js] " + compared + " frame variables equal to drgn's, " + drgnFailed + " drgn could not read");
    }

    /** "#i name:" sections of "    var = value" lines (a multi-line value's further lines are indented too). */
    private static Map<Integer, Map<String, String>> frameVariables(List<String> out) {
        Map<Integer, Map<String, String>> frames = new LinkedHashMap<>();
        Map<String, String> current = null;
        String last = null;
        for (String line : out) {
            Matcher h = FRAME_HEADER.matcher(line);
            Matcher v = VARIABLE.matcher(line);
            if (h.matches()) {
                current = new LinkedHashMap<>();
                frames.put(Integer.parseInt(h.group(1)), current);
            } else if (current != null && v.matches()) {
                last = v.group(1);
                current.put(last, v.group(2));
            } else if (current != null && line.startsWith("    ") && last != null) {
                current.merge(last, "\n" + line, String::concat);
            } else {
                current = null;
            }
        }
        return frames;
    }
}
