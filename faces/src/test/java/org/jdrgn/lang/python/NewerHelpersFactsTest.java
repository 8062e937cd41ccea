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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Helpers drgn 0.0.22 does not have (upstream's later cpumask, nodemask, module, sched, panic,
 * list, idr, vmstat, kthread, rbtree, bitmap names) against independent facts of the same dump:
 * drgn 0.0.22's own reading of nr_cpu_ids, the task count, the panicking task, the loaded
 * modules' layouts (oracle facts and modules.tsv), and consistency with the 0.0.22 helpers.
 */
@Tag("slow")
class NewerHelpersFactsTest {
    @ParameterizedTest
    @EnumSource(value = KernelDump.class, names = {"KDUMP_ELF", "LIVE_DISKDUMP"})
    void newerHelpersAgreeWithTheDumpsFacts(KernelDump d) {
        KernelCores.assumeOracle();
        OracleFacts facts = KernelCores.facts(d);
        OracleFacts modules = OracleFacts.read(KernelCores.oracleFile(d, "modules.tsv"));
        Program prog = new Program(null);
        List<java.nio.file.Path> files = new ArrayList<>(List.of(KernelCores.vmlinux()));
        files.addAll(KernelCores.debugModules());
        KernelLoader.open(prog, KernelCores.dump(d), new DebugInfoOptions(files, false, false), w -> { });
        String out = PythonHarness.out(prog, """
                from drgn.helpers.linux import *
                from drgn.helpers.linux.module import module_address_regions
                n = num_online_cpus(prog)
                print(n, num_possible_cpus(prog), num_present_cpus(prog), cpumask_to_cpulist(cpu_online_mask(prog)),
                      [list(for_each_cpu(cpumask_of(prog, c))) for c in range(n)] == [[c] for c in range(n)],
                      bitmap_weight(prog["__cpu_online_mask"].bits, 64), nr_node_ids(prog))
                head = prog["init_task"].tasks.address_of_()
                print(list_count_nodes(head) + 1 == validate_list_count_nodes(head) + 1,
                      len(list(idr_for_each_entry(prog["init_pid_ns"].idr.address_of_(), "struct pid"))))
                for m in for_each_module(prog):
                    (base, size), = module_address_regions(m)
                    print(m.name.string_().decode(), hex(base), size, address_to_module(prog, base + size - 1) == m,
                          find_module(prog, m.name.string_()) == m)
                print(find_module(prog, "nope").value_(), address_to_module(prog, 0).value_())
                ok = all(cpu_rq(prog, c).curr == cpu_curr(prog, c) for c in range(n))
                t = find_task(prog, 1)
                print(ok, task_rq(t) == cpu_rq(prog, task_cpu(t)), get_task_state(t)[0] == task_state_to_char(t),
                      thread_group_leader(t), task_is_kthread(t), task_is_kthread(find_task(prog, 2)),
                      len(loadavg(prog)), nr_free_pages(prog) > 0)
                print(hex(panic_task(prog).value_()))
                """);
        StringBuilder want = new StringBuilder();
        int cpus = Integer.parseInt(facts.get("nr_cpu_ids"));
        want.append(cpus).append(' ').append(cpus).append(' ').append(cpus).append(" 0-").append(cpus - 1)
                .append(" True ").append(cpus).append(" 1\n");
        want.append("True ").append(facts.get("tasks.count")).append('\n');
        for (String m : modules.get("modules").split(" ")) {
            want.append(m).append(' ').append(modules.get("module." + m + ".base")).append(' ')
                    .append(modules.get("module." + m + ".size")).append(" True True\n");
        }
        want.append("0 0\nTrue True True True False True 3 True\n");
        want.append(facts.find("panicker.task").filter(x -> !facts.get("panic_cpu").equals("-1")).orElse("0x0")).append('\n');
        assertEquals(want.toString(), out, d.toString());
    }
}
