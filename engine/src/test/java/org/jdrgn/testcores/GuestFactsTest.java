package org.jdrgn.testcores;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdrgn.testcores.GuestFacts.Socket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kernel test guest's own records (testcores/kernel/src/record.sh) hold what the guest was
 * built to have, in every state: the mounts, the partitioned disk and the loop device, the
 * sockets over loopback, the SysV IPC objects, the cgroup2 tree with the kobjs processes in
 * it, the threads, timers and open files of each test process. Other tests compare Linux
 * helpers with these records, so they must be right first. Skipped when not made.
 */
class GuestFactsTest {
    private static final int TCP_PORT = 7001, TCP6_PORT = 7002, UDP_PORT = 7003;
    private static final List<String> TEST_COMMS = List.of("init", "sleepy_drgn", "loopy_sh", "fifo_reader",
            "pipe_reader", "net_server", "net_client", "files_holder", "ipc_holder", "threaded", "timer_holder");

    @ParameterizedTest
    @EnumSource(KernelDump.State.class)
    void processesAndTasks(KernelDump.State state) {
        KernelCores.assumeGuestFacts();
        GuestFacts g = GuestFacts.of(state);
        assertEquals(TEST_COMMS, List.copyOf(g.testPids().keySet()), g.dir().toString());
        assertEquals(1, g.pid("init"));
        Map<Integer, GuestFacts.Task> byTid = g.tasks().stream()
                .collect(Collectors.toMap(GuestFacts.Task::tid, t -> t));
        for (var e : g.testPids().entrySet()) {
            GuestFacts.Process p = g.process(e.getValue());
            assertEquals(e.getKey(), p.comm());
            assertEquals(String.valueOf(p.pid()), p.status().get("Pid"));
            for (var t : p.threads().entrySet()) {
                GuestFacts.Task task = byTid.get(t.getKey());
                assertNotNull(task, state + ": thread " + t + " of " + e + " not in tasks.tsv");
                assertEquals(t.getValue(), task.comm());
                assertEquals(p.pid(), task.tgid());
            }
        }
        assertEquals(List.of("threaded", "thr_futex", "thr_sleep", "thr_pipe"), List.copyOf(g.process("threaded").threads().values()));
        assertEquals(List.of("net_server", "srv_accept", "srv_recv"), List.copyOf(g.process("net_server").threads().values()));
        assertEquals("4", g.process("threaded").status().get("Threads"));
        // kernel threads are children of kthreadd (pid 2); every test process of init
        assertEquals(0, byTid.get(2).ppid());
        assertEquals("kthreadd", byTid.get(2).comm());
        for (String comm : List.of("sleepy_drgn", "net_server", "timer_holder")) {
            assertEquals(1, byTid.get(g.pid(comm)).ppid(), comm);
        }
        // where each blocks (wchan: the first function outside the scheduler)
        Map<String, String> wchan = Map.of("sleepy_drgn", "hrtimer_nanosleep", "ipc_holder", "do_msgrcv",
                "files_holder", "do_epoll_wait", "net_client", "do_sys_poll", "fifo_reader", "wait_for_partner",
                "pipe_reader", "pipe_read", "timer_holder", "hrtimer_nanosleep");
        for (var e : wchan.entrySet()) assertEquals(e.getValue(), g.process(e.getKey()).wchan(), e.getKey());
        // clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME) goes through the time namespace
        assertTrue(g.process("timer_holder").stack().contains("common_nsleep_timens"), g.process("timer_holder").stack());
        assertTrue(g.uname().contains(KernelCores.release()), g.uname());
        assertEquals("kcore-test", g.hostname());
        assertTrue(g.text("ps.txt").contains("files_holder"));
    }

    @ParameterizedTest
    @EnumSource(KernelDump.State.class)
    void mountsAndBlockDevices(KernelDump.State state) {
        KernelCores.assumeGuestFacts();
        GuestFacts g = GuestFacts.of(state);
        Map<String, GuestFacts.Mount> byPoint = g.mounts().stream()
                .collect(Collectors.toMap(GuestFacts.Mount::mountPoint, m -> m, (a, b) -> b));
        Map<String, String> want = Map.of("/proc", "proc", "/sys", "sysfs", "/dev", "devtmpfs", "/tmp", "tmpfs",
                "/sys/fs/cgroup", "cgroup2", "/mnt/disk", "ext4", "/mnt/loop", "ext4", "/mnt/tmpfs", "tmpfs",
                "/mnt/bind", "ext4", "/dev/mqueue", "mqueue");
        for (var e : want.entrySet()) {
            assertEquals(e.getValue(), byPoint.get(e.getKey()) == null ? null : byPoint.get(e.getKey()).fsType(), e.getKey());
        }
        String disk = byPoint.get("/mnt/disk").source();
        assertTrue(disk.matches("/dev/nvme\\dn1p1"), disk);
        assertEquals("/dev/loop0", byPoint.get("/mnt/loop").source());
        assertTrue(byPoint.get("/mnt/tmpfs").options().contains("size=8192k"), byPoint.get("/mnt/tmpfs").options());
        // the bind mount: the same device as /mnt/disk, rooted at /sub
        GuestFacts.MountInfo bind = g.mountInfo().stream().filter(m -> m.mountPoint().equals("/mnt/bind")).findFirst().orElseThrow();
        GuestFacts.MountInfo diskInfo = g.mountInfo().stream().filter(m -> m.mountPoint().equals("/mnt/disk")).findFirst().orElseThrow();
        assertEquals("/sub", bind.root());
        assertEquals(List.of(diskInfo.major(), diskInfo.minor()), List.of(bind.major(), bind.minor()));
        assertEquals(g.mounts().size(), g.mountInfo().size());
        // the partition table made on the host: 26 MiB, partitions of 8 and 16 MiB; loop0 of 4 MiB
        String name = disk.substring("/dev/".length(), disk.length() - 2);
        Map<String, Long> blocks = g.partitions().stream()
                .collect(Collectors.toMap(GuestFacts.Partition::name, GuestFacts.Partition::blocks));
        assertEquals(26L << 10, blocks.get(name));
        assertEquals(8L << 10, blocks.get(name + "p1"));
        assertEquals(16L << 10, blocks.get(name + "p2"));
        assertEquals(4L << 10, blocks.get("loop0"));
        GuestFacts.DiskStats p1 = g.diskstats().stream().filter(d -> d.name().equals(name + "p1")).findFirst().orElseThrow();
        assertTrue(p1.writesCompleted() > 0 && p1.sectorsWritten() > 0, p1.toString());
    }

    @ParameterizedTest
    @EnumSource(KernelDump.State.class)
    void socketsOverLoopback(KernelDump.State state) {
        KernelCores.assumeGuestFacts();
        GuestFacts g = GuestFacts.of(state);
        InetAddress lo = InetAddress.getLoopbackAddress();
        List<Socket> tcp = g.tcpSockets();
        Socket listen = tcp.stream().filter(s -> s.state() == Socket.TCP_LISTEN && s.localPort() == TCP_PORT).findFirst().orElseThrow();
        assertEquals(lo, listen.localAddress());
        Socket listen6 = tcp.stream().filter(s -> s.state() == Socket.TCP_LISTEN && s.localPort() == TCP6_PORT).findFirst().orElseThrow();
        assertEquals("tcp6", listen6.protocol());
        assertTrue(listen6.localAddress().isLoopbackAddress(), listen6.toString());
        // two connections: the client ends (remote 7001) and the accepted ends (local 7001)
        List<Socket> clientEnds = tcp.stream().filter(s -> s.state() == Socket.TCP_ESTABLISHED && s.remotePort() == TCP_PORT).toList();
        List<Socket> serverEnds = tcp.stream().filter(s -> s.state() == Socket.TCP_ESTABLISHED && s.localPort() == TCP_PORT).toList();
        assertEquals(2, clientEnds.size(), tcp.toString());
        assertEquals(clientEnds.stream().map(Socket::localPort).collect(Collectors.toSet()),
                serverEnds.stream().map(Socket::remotePort).collect(Collectors.toSet()));
        assertEquals(Set.of(0L, 12L), serverEnds.stream().map(Socket::rxQueue).collect(Collectors.toSet()), "12 unread bytes");
        Socket udp = g.udpSockets().stream().filter(s -> s.localPort() == UDP_PORT).findFirst().orElseThrow();
        assertTrue(udp.rxQueue() > 0, "a queued datagram: " + udp);
        // the sockets are the processes' fds: socket:[inode]
        Set<String> server = fdTargets(g, "net_server"), client = fdTargets(g, "net_client");
        assertTrue(server.contains("socket:[" + listen.inode() + "]"), server.toString());
        assertTrue(server.contains("socket:[" + listen6.inode() + "]"), server.toString());
        assertTrue(server.contains("socket:[" + udp.inode() + "]"), server.toString());
        for (Socket s : serverEnds) assertTrue(server.contains("socket:[" + s.inode() + "]"), s.toString());
        for (Socket s : clientEnds) assertTrue(client.contains("socket:[" + s.inode() + "]"), s.toString());
    }

    @ParameterizedTest
    @EnumSource(KernelDump.State.class)
    void filesIpcTimersCgroupsModules(KernelDump.State state) {
        KernelCores.assumeGuestFacts();
        GuestFacts g = GuestFacts.of(state);
        Set<String> files = fdTargets(g, "files_holder");
        for (String t : List.of("/tmp/kcore-files.txt", "/mnt/disk/hello.txt", "/tmp/kcore-holder.fifo", "anon_inode:[eventfd]",
                "anon_inode:[timerfd]", "anon_inode:[signalfd]", "anon_inode:[eventpoll]", "anon_inode:inotify",
                "/memfd:kcore_memfd (deleted)", "/dev/null", "/tmp")) {
            assertTrue(files.contains(t), t + " not in " + files);
        }
        GuestFacts.Process holder = g.process("files_holder");
        int efd = holder.fd("anon_inode:[eventfd]").orElseThrow().fd();
        assertEquals("5", holder.fdinfo().get(efd).get("eventfd-count"));
        int reg = holder.fd("/tmp/kcore-files.txt").orElseThrow().fd();
        assertEquals("19", holder.fdinfo().get(reg).get("pos"), "19 bytes written");
        // both ends of one pipe: the same inode twice
        List<String> pipes = g.process("files_holder").fds().stream().map(GuestFacts.Fd::target).filter(t -> t.startsWith("pipe:[")).toList();
        assertEquals(2, pipes.size(), pipes.toString());
        assertEquals(pipes.get(0), pipes.get(1));
        assertTrue(g.process("files_holder").maps().stream().anyMatch(m -> m.path().equals("/tmp/kcore-files.txt")));
        // fifo_reader is still inside open() of its FIFO (no writer): no fd for it yet
        assertEquals(List.of(0, 1, 2), g.process("fifo_reader").fds().stream().map(GuestFacts.Fd::fd).toList());
        // SysV IPC of ipc_holder: keys 0x4b430001..3
        int ipc = g.pid("ipc_holder");
        Map<String, String> shm = one(g.sysvipc("shm"));
        assertEquals(String.valueOf(0x4b430001), shm.get("key"));
        assertEquals("65536", shm.get("size"));
        assertEquals("1", shm.get("nattch"));
        assertEquals(String.valueOf(ipc), shm.get("cpid"));
        assertTrue(g.process(ipc).maps().stream().anyMatch(m -> m.path().startsWith("/SYSV4b430001")));
        assertEquals("3", one(g.sysvipc("sem")).get("nsems"));
        Map<String, String> msg = one(g.sysvipc("msg"));
        assertEquals(List.of(String.valueOf(0x4b430003), "2", "28"), List.of(msg.get("key"), msg.get("qnum"), msg.get("cbytes")));
        // POSIX timers of timer_holder
        String timers = g.process("timer_holder").timers();
        assertTrue(timers.contains("ClockID: 0") && timers.contains("ClockID: 1") && timers.contains("notify: none"), timers);
        // cgroup2: the kobjs processes in their leaves, the controllers enabled on the way
        assertEquals("/kcore/net", g.process("net_server").cgroup());
        assertEquals("/kcore/objs", g.process("ipc_holder").cgroup());
        assertEquals("/", g.process("sleepy_drgn").cgroup());
        GuestFacts.Cgroup net = g.cgroup("/kcore/net/").orElseThrow();
        assertEquals(Set.of(g.pid("net_server"), g.pid("net_client")), Set.copyOf(net.pids()));
        assertEquals(List.of("memory", "pids"), g.cgroup("/kcore/").orElseThrow().subtreeControl());
        assertTrue(g.cgroup("/kcore/").orElseThrow().pids().isEmpty());
        assertTrue(g.cgroupControllers().stream().anyMatch(c -> c.name().equals("memory") && c.enabled() && c.cgroups() >= 4),
                g.cgroupControllers().toString());
        // modules: the 3 of every guest and loop; debug files for each
        List<GuestFacts.Module> modules = g.modules();
        assertEquals(Set.of("qemu_fw_cfg", "pvpanic", "pvpanic_mmio", "loop"),
                modules.stream().map(GuestFacts.Module::name).collect(Collectors.toSet()));
        for (GuestFacts.Module m : modules) {
            assertEquals("Live", m.state(), m.toString());
            assertTrue(m.address() < 0 && m.size() > 0, m.toString());  // 0xffffffffc0...
            assertTrue(KernelCores.debugModules().stream()
                    .anyMatch(p -> p.getFileName().toString().replace('-', '_').equals(m.name() + ".ko")), m.name());
        }
        assertEquals(List.of("pvpanic_mmio"), modules.stream().filter(m -> m.name().equals("pvpanic")).findFirst().orElseThrow().usedBy());
    }

    @ParameterizedTest
    @EnumSource(KernelDump.State.class)
    void memoryCounters(KernelDump.State state) {
        KernelCores.assumeGuestFacts();
        GuestFacts g = GuestFacts.of(state);
        Map<String, Long> mem = g.meminfo();
        long totalKb = mem.get("MemTotal");
        // 256 MB guests; the kdump one has 512 MB minus its 160 MB crashkernel area
        long ramMb = state == KernelDump.State.KDUMP ? 512 - 160 : 256;
        assertTrue(totalKb > (ramMb - 64) << 10 && totalKb < ramMb << 10, "MemTotal " + totalKb);
        assertTrue(mem.get("MemFree") > 0 && mem.get("MemFree") < totalKb);
        Map<String, Long> vm = g.vmstat();
        assertTrue(vm.get("nr_free_pages") * 4 <= totalKb);
        assertEquals(mem.get("MemFree"), vm.get("nr_free_pages") * 4, 4096.0, "both read within 2 s");
        Map<String, GuestFacts.SlabCache> slabs = g.slabinfo().stream()
                .collect(Collectors.toMap(GuestFacts.SlabCache::name, s -> s, (a, b) -> a));
        GuestFacts.SlabCache tasks = slabs.get("task_struct");
        assertNotNull(tasks, slabs.keySet().toString());
        assertTrue(tasks.activeObjects() >= g.tasks().size() - 5, tasks + " vs " + g.tasks().size() + " tasks");
        assertTrue(tasks.objectSize() > 4096, tasks.toString());
        assertTrue(slabs.containsKey("ext4_inode_cache") && slabs.containsKey("TCP") && slabs.containsKey("shmem_inode_cache"),
                slabs.keySet().toString());
        List<GuestFacts.Interrupt> irqs = g.interrupts();
        assertTrue(irqs.stream().anyMatch(i -> i.description().contains("nvme")), irqs.toString());
        assertTrue(irqs.stream().anyMatch(i -> i.irq().equals("LOC") && i.perCpu().size() == 2), irqs.toString());
    }

    @Test
    void sourcesKeyIsTheScriptsOwn() throws Exception {
        KernelCores.assumeGuestFacts();
        Path props = KernelCores.cacheDir().resolve("kernel.properties");
        assertTrue(Files.readString(props).contains("sources_key=" + KernelCores.sourcesKey() + "\n"));
        // a record made elsewhere reads the same way
        assertEquals(GuestFacts.of(KernelDump.State.LIVE).testPids(),
                GuestFacts.at(KernelDump.State.LIVE, KernelCores.guestDir(KernelDump.State.LIVE)).testPids());
    }

    private static Set<String> fdTargets(GuestFacts g, String comm) {
        return g.process(comm).fds().stream().map(GuestFacts.Fd::target).collect(Collectors.toSet());
    }

    private static Map<String, String> one(List<Map<String, String>> rows) {
        assertEquals(1, rows.size(), rows.toString());
        return rows.get(0);
    }
}
