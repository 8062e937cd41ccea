package org.jdrgn.lang.python;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.kernel.KernelLoader;
import org.jdrgn.program.Program;
import org.jdrgn.testcores.GuestFacts;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * jdrgn reads in each dump what the guest itself recorded a few seconds before it was taken
 * (GuestFacts): the loaded modules at the addresses /proc/modules gave, every thread of the
 * test processes with its tgid and comm, the utsname. The first link between the guest's
 * records and the dumps; Linux helper tests build on it.
 */
@Tag("slow")
class GuestFactsKernelTest {
    @ParameterizedTest
    @EnumSource(value = KernelDump.class, names = {"LIVE_DISKDUMP", "PANIC_ELF_PAGING", "KDUMP_ELF", "KDUMP_DISKDUMP"})
    void dumpHoldsWhatTheGuestRecorded(KernelDump d) {
        KernelCores.assumeGuestFacts();
        GuestFacts g = GuestFacts.of(d.state());
        List<Path> files = new ArrayList<>(List.of(KernelCores.vmlinux()));
        files.addAll(KernelCores.debugModules());
        Program prog = new Program(null);
        KernelLoader.open(prog, KernelCores.dump(d), new DebugInfoOptions(files, false, false), w -> { });
        String out = PythonHarness.out(prog, """
                from drgn.helpers.linux.pid import for_each_task
                uts = prog['init_uts_ns'].name
                print('uts', uts.nodename.string_().decode(), uts.release.string_().decode())
                for m in list(prog.modules())[1:]:
                    print('module', m.name, hex(m.address_range[0]), m.address_range[1] - m.address_range[0])
                for t in for_each_task(prog):
                    print('task', t.tgid.value_(), t.pid.value_(), t.comm.string_().decode())
                """);
        Map<String, String> modules = new HashMap<>();
        Map<Integer, String> tasks = new HashMap<>();
        Map<Integer, Integer> tgids = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.split(" ", 4);
            switch (f[0]) {
                case "uts" -> {
                    assertEquals(g.hostname(), f[1]);
                    assertTrue(g.uname().contains(" " + f[2] + " "), g.uname());
                }
                case "module" -> modules.put(f[1], f[2] + " " + f[3]);
                case "task" -> {
                    tasks.put(Integer.parseInt(f[2]), f[3]);
                    tgids.put(Integer.parseInt(f[2]), Integer.parseInt(f[1]));
                }
                default -> fail(line);
            }
        }
        // /proc/modules: the same modules at the same base addresses, sizes at page granularity
        assertEquals(g.modules().size(), modules.size(), modules.toString());
        for (GuestFacts.Module m : g.modules()) {
            String[] got = modules.get(m.name()).split(" ");
            assertEquals("0x" + Long.toHexString(m.address()), got[0], m.name());
            assertTrue(Long.parseLong(got[1]) <= m.size(), m + " vs " + modules.get(m.name()));
        }
        // every thread of the test processes: same tid, tgid and comm
        int threads = 0;
        for (int pid : g.testPids().values()) {
            for (var t : g.process(pid).threads().entrySet()) {
                assertEquals(t.getValue(), tasks.get(t.getKey()), d + ": tid " + t.getKey());
                assertEquals(pid, tgids.get(t.getKey()), d + ": tgid of " + t.getKey());
                threads++;
            }
        }
        assertEquals(16, threads, "threads of the 11 test processes");
        // the kernel threads started before userspace, except workqueue workers (created and
        // reaped on demand; /proc appends their current workqueue to their name), live as long
        // as the guest (later ones such as ext4lazyinit finish); /proc shows a kthread's full
        // name, task->comm its first 15 characters
        int firstUser = g.pid("sleepy_drgn");
        for (GuestFacts.Task t : g.tasks()) {
            if (t.ppid() == 2 && t.tid() < firstUser && !t.comm().startsWith("kworker/")) {
                String comm = t.comm().length() > 15 ? t.comm().substring(0, 15) : t.comm();
                assertEquals(comm, tasks.get(t.tid()), d + ": kernel thread " + t);
            }
        }
    }
}
