package org.jdrgn.testcores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the kernel test guest said about itself just before its dumps were taken
 * (testcores/kernel/src/record.sh, saved by make-kernel-cores.sh under
 * {@code dumps/guest-<state>/}): /proc files, the test processes' status, maps and open
 * files, every task, the cgroup2 hierarchy. Tests of Linux helpers compare with these: they
 * are the kernel's own answer, independent of drgn. Counters (meminfo, vmstat, slab object
 * counts) were read a few seconds before the dump, so compare them with a tolerance; the
 * structure (mounts, sockets, modules, tasks, fds, cgroups, IPC ids) is exact.
 */
public final class GuestFacts {
    /** A line of /proc/mounts: fields as the kernel escapes them (a space is \040). */
    public record Mount(String source, String mountPoint, String fsType, String options) {}

    /** A line of /proc/1/mountinfo. */
    public record MountInfo(int id, int parentId, int major, int minor, String root, String mountPoint,
            String options, String fsType, String source, String superOptions) {}

    /** A row of /proc/net/{tcp,tcp6,udp,udp6}; state is the kernel's TCP_* number (0x0A LISTEN, 0x01 ESTABLISHED, UDP: 0x07 CLOSE). */
    public record Socket(String protocol, InetAddress localAddress, int localPort, InetAddress remoteAddress, int remotePort,
            int state, long txQueue, long rxQueue, int uid, long inode) {
        public static final int TCP_ESTABLISHED = 1, TCP_CLOSE = 7, TCP_LISTEN = 10;
    }

    /** A line of /proc/modules. */
    public record Module(String name, long size, int refcount, List<String> usedBy, String state, long address) {}

    /** A line of /proc/slabinfo (version 2.1). */
    public record SlabCache(String name, long activeObjects, long objects, int objectSize, int objectsPerSlab,
            int pagesPerSlab, long activeSlabs, long slabs) {}

    /**
     * A thread of tasks.tsv (from every /proc/PID/task/TID/status): state is the letter of State:;
     * comm is /proc's Name, which for a kernel thread is its full name (task->comm holds 15
     * characters) and for a workqueue worker has the current workqueue appended.
     */
    public record Task(int tgid, int tid, int ppid, char state, String comm) {}

    /** An open file of a test process: the fd and readlink of /proc/PID/fd/FD ("socket:[1301]", "/tmp/x", ...). */
    public record Fd(int fd, String target) {}

    /** A line of /proc/PID/maps. */
    public record Mapping(long start, long end, String perms, long offset, String device, long inode, String path) {}

    /** A cgroup2 directory: path relative to the hierarchy's root ("/", "/kcore/net/"), its cgroup.procs. */
    public record Cgroup(String path, List<String> controllers, List<String> subtreeControl, List<Integer> pids) {}

    /** A line of /proc/cgroups: controller, hierarchy id (0: cgroup2 or unmounted), number of cgroups, enabled. */
    public record CgroupController(String name, int hierarchy, int cgroups, boolean enabled) {}

    /** A line of /proc/partitions: size in 1 KiB blocks. */
    public record Partition(int major, int minor, long blocks, String name) {}

    /** A line of /proc/diskstats: the device and its counters in the kernel's order. */
    public record DiskStats(int major, int minor, String name, List<Long> counters) {
        public long readsCompleted() { return counters.get(0); }
        public long sectorsRead() { return counters.get(2); }
        public long writesCompleted() { return counters.get(4); }
        public long sectorsWritten() { return counters.get(6); }
    }

    /** A line of /proc/interrupts: "0", "NMI", ...; per-CPU counts; the rest of the line (chip, hwirq, handlers). */
    public record Interrupt(String irq, List<Long> perCpu, String description) {}

    /**
     * A test process (pids.tsv) with its /proc files as recorded; fdinfo: per fd, the lines of
     * /proc/PID/fdinfo/FD as key to value (pos, flags in octal, mnt_id, ino, eventfd-count, ...;
     * repeated keys such as inotify's keep the last).
     */
    public record Process(int pid, String comm, Map<String, String> status, List<Mapping> maps, List<Fd> fds,
            Map<Integer, Map<String, String>> fdinfo, Map<Integer, String> threads, String cgroup, String wchan,
            String stack, String timers) {
        public Optional<Fd> fd(int n) {
            return fds.stream().filter(f -> f.fd() == n).findFirst();
        }

        /** The first fd whose readlink target is this. */
        public Optional<Fd> fd(String target) {
            return fds.stream().filter(f -> f.target().equals(target)).findFirst();
        }
    }

    private final KernelDump.State state;
    private final Path dir;

    private GuestFacts(KernelDump.State state, Path dir) {
        this.state = state;
        this.dir = dir;
    }

    /** The records of the boot that made this state's dumps (call KernelCores.assumeGuestFacts() first). */
    public static GuestFacts of(KernelDump.State state) {
        return new GuestFacts(state, KernelCores.guestDir(state));
    }

    /** Records read from any folder laid out as record.sh writes it. */
    public static GuestFacts at(KernelDump.State state, Path dir) {
        return new GuestFacts(state, dir);
    }

    public KernelDump.State state() {
        return state;
    }

    public Path dir() {
        return dir;
    }

    /** A recorded file by its path in the record, e.g. "proc/zoneinfo", "ps.txt". */
    public Path file(String relative) {
        Path p = dir.resolve(relative);
        if (!Files.isRegularFile(p)) throw new IllegalArgumentException("no guest record " + p);
        return p;
    }

    public List<String> lines(String relative) {
        try {
            return Files.readAllLines(file(relative), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text(String relative) {
        return String.join("\n", lines(relative)) + "\n";
    }

    public List<Mount> mounts() {
        return lines("proc/mounts").stream().map(l -> l.split(" "))
                .map(f -> new Mount(f[0], f[1], f[2], f[3])).toList();
    }

    public List<MountInfo> mountInfo() {
        List<MountInfo> out = new ArrayList<>();
        for (String l : lines("proc/1/mountinfo")) {
            String[] f = l.split(" ");
            int sep = Arrays.asList(f).indexOf("-");  // optional fields end at "-"
            String[] mm = f[2].split(":");
            out.add(new MountInfo(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(mm[0]),
                    Integer.parseInt(mm[1]), f[3], f[4], f[5], f[sep + 1], f[sep + 2], f[sep + 3]));
        }
        return out;
    }

    /** TCP sockets of /proc/net/tcp then /proc/net/tcp6. */
    public List<Socket> tcpSockets() {
        List<Socket> out = new ArrayList<>(sockets("tcp"));
        out.addAll(sockets("tcp6"));
        return out;
    }

    /** UDP sockets of /proc/net/udp then /proc/net/udp6. */
    public List<Socket> udpSockets() {
        List<Socket> out = new ArrayList<>(sockets("udp"));
        out.addAll(sockets("udp6"));
        return out;
    }

    /** The rows of /proc/net/&lt;protocol&gt; (tcp, tcp6, udp, udp6); addresses in their usual text form. */
    public List<Socket> sockets(String protocol) {
        List<Socket> out = new ArrayList<>();
        List<String> rows = lines("proc/net/" + protocol);
        for (String l : rows.subList(1, rows.size())) {
            String[] f = l.strip().split("\\s+");
            String[] local = f[1].split(":"), remote = f[2].split(":"), queues = f[4].split(":");
            out.add(new Socket(protocol, address(local[0]), Integer.parseInt(local[1], 16),
                    address(remote[0]), Integer.parseInt(remote[1], 16), Integer.parseInt(f[3], 16),
                    Long.parseLong(queues[0], 16), Long.parseLong(queues[1], 16), Integer.parseInt(f[7]),
                    Long.parseLong(f[9])));
        }
        return out;
    }

    public List<Module> modules() {
        List<Module> out = new ArrayList<>();
        for (String l : lines("proc/modules")) {
            String[] f = l.split(" ");
            List<String> users = f[3].equals("-") ? List.of()
                    : Arrays.stream(f[3].split(",")).filter(s -> !s.isEmpty()).toList();
            out.add(new Module(f[0], Long.parseLong(f[1]), Integer.parseInt(f[2]), users, f[4],
                    Long.parseUnsignedLong(f[5].substring(2), 16)));
        }
        return out;
    }

    public List<SlabCache> slabinfo() {
        List<SlabCache> out = new ArrayList<>();
        List<String> all = lines("proc/slabinfo");
        if (!all.get(0).startsWith("slabinfo - version: 2.")) throw new IllegalStateException("slabinfo " + all.get(0));
        for (String l : all.subList(2, all.size())) {
            String[] f = l.split("\\s+");
            // name active num objsize objperslab pagesperslab : tunables l b s : slabdata active num sharedavail
            out.add(new SlabCache(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3]),
                    Integer.parseInt(f[4]), Integer.parseInt(f[5]), Long.parseLong(f[13]), Long.parseLong(f[14])));
        }
        return out;
    }

    /** /proc/meminfo: name to value as printed (kB for sizes, a count for HugePages_*). */
    public Map<String, Long> meminfo() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String l : lines("proc/meminfo")) {
            String[] f = l.split(":\\s*");
            out.put(f[0], Long.parseLong(f[1].split(" ")[0]));
        }
        return out;
    }

    /** /proc/vmstat: counter name to value. */
    public Map<String, Long> vmstat() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String l : lines("proc/vmstat")) {
            String[] f = l.split(" ");
            out.put(f[0], Long.parseLong(f[1]));
        }
        return out;
    }

    public List<Interrupt> interrupts() {
        List<String> all = lines("proc/interrupts");
        int cpus = all.get(0).strip().split("\\s+").length;
        List<Interrupt> out = new ArrayList<>();
        for (String l : all.subList(1, all.size())) {
            String[] f = l.strip().split("\\s+", cpus + 2);
            String irq = f[0].substring(0, f[0].length() - 1);
            List<Long> counts = new ArrayList<>();
            int i = 1;
            for (; i < f.length && i <= cpus && f[i].matches("\\d+"); i++) counts.add(Long.parseLong(f[i]));
            String rest = String.join(" ", Arrays.copyOfRange(f, i, f.length)).strip();
            out.add(new Interrupt(irq, counts, rest));
        }
        return out;
    }

    /** /proc/cgroups (the v1 view of the controllers; hierarchy 0 = cgroup2). */
    public List<CgroupController> cgroupControllers() {
        return lines("proc/cgroups").stream().filter(l -> !l.startsWith("#")).map(l -> l.split("\\s+"))
                .map(f -> new CgroupController(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3].equals("1")))
                .toList();
    }

    /** The cgroup2 hierarchy mounted on /sys/fs/cgroup, parents first. */
    public List<Cgroup> cgroups() {
        List<Cgroup> out = new ArrayList<>();
        for (String l : lines("cgroups.tsv")) {
            String[] f = l.split("\t", -1);
            out.add(new Cgroup(f[0], words(f[1]), words(f[2]), words(f[3]).stream().map(Integer::parseInt).toList()));
        }
        return out;
    }

    public Optional<Cgroup> cgroup(String path) {
        return cgroups().stream().filter(c -> c.path().equals(path)).findFirst();
    }

    public List<Partition> partitions() {
        List<Partition> out = new ArrayList<>();
        for (String l : lines("proc/partitions")) {
            String[] f = l.strip().split("\\s+");
            if (f.length != 4 || !f[0].matches("\\d+")) continue;  // header and blank line
            out.add(new Partition(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Long.parseLong(f[2]), f[3]));
        }
        return out;
    }

    public List<DiskStats> diskstats() {
        List<DiskStats> out = new ArrayList<>();
        for (String l : lines("proc/diskstats")) {
            String[] f = l.strip().split("\\s+");
            out.add(new DiskStats(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2],
                    Arrays.stream(f, 3, f.length).map(Long::parseLong).toList()));
        }
        return out;
    }

    /** /proc/sysvipc/{shm,sem,msg}: one map per object, keyed by the header's column names (key, shmid, ...). */
    public List<Map<String, String>> sysvipc(String kind) {
        List<String> all = lines("proc/sysvipc/" + kind);
        String[] header = all.get(0).strip().split("\\s+");
        List<Map<String, String>> out = new ArrayList<>();
        for (String l : all.subList(1, all.size())) {
            String[] f = l.strip().split("\\s+");
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length && i < f.length; i++) row.put(header[i], f[i]);
            out.add(row);
        }
        return out;
    }

    /** Every task (threads too) when the record was made, by tid. */
    public List<Task> tasks() {
        return lines("tasks.tsv").stream().map(l -> l.split("\t", 5))
                .map(f -> new Task(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3].charAt(0), f[4]))
                .toList();
    }

    /** The test processes: comm to pid (init, sleepy_drgn, ..., net_server, files_holder, ...). */
    public Map<String, Integer> testPids() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String l : lines("pids.tsv")) {
            String[] f = l.split("\t");
            out.put(f[0], Integer.parseInt(f[1]));
        }
        return out;
    }

    public int pid(String comm) {
        Integer pid = testPids().get(comm);
        if (pid == null) throw new IllegalArgumentException("no test process " + comm + " in " + dir.resolve("pids.tsv"));
        return pid;
    }

    public Process process(String comm) {
        return process(pid(comm));
    }

    public Process process(int pid) {
        String d = "pid/" + pid + "/";
        Map<String, String> status = new LinkedHashMap<>();
        for (String l : lines(d + "status")) {
            int colon = l.indexOf(':');
            status.put(l.substring(0, colon), l.substring(colon + 1).strip());
        }
        List<Mapping> maps = lines(d + "maps").stream().map(GuestFacts::mapping).toList();
        List<Fd> fds = lines(d + "fd.tsv").stream().map(l -> l.split("\t", 2))
                .map(f -> new Fd(Integer.parseInt(f[0]), f[1])).toList();
        Map<Integer, String> threads = new LinkedHashMap<>();
        for (String l : lines(d + "threads.tsv")) {
            String[] f = l.split("\t", 2);
            threads.put(Integer.parseInt(f[0]), f[1]);
        }
        Map<Integer, Map<String, String>> fdinfo = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String l : lines(d + "fdinfo.txt")) {
            int colon = l.indexOf(':');
            if (colon < 0) continue;
            String key = l.substring(0, colon), value = l.substring(colon + 1).strip();
            if (key.equals("fd")) fdinfo.put(Integer.parseInt(value), current = new LinkedHashMap<>());
            else if (current != null) current.put(key, value);
        }
        String cgroup = lines(d + "cgroup").get(0);  // "0::/kcore/net" on a cgroup2-only system
        return new Process(pid, status.get("Name"), status, maps, fds, fdinfo, threads,
                cgroup.substring(cgroup.indexOf("::") + 2), text(d + "wchan").strip(), text(d + "stack"), text(d + "timers"));
    }

    /** `uname -a` in the guest. */
    public String uname() {
        return lines("uname.txt").get(0);
    }

    public String hostname() {
        return lines("uname.txt").get(1);
    }

    private static Mapping mapping(String l) {
        String[] f = l.split("\\s+", 6);
        String[] range = f[0].split("-");
        return new Mapping(Long.parseUnsignedLong(range[0], 16), Long.parseUnsignedLong(range[1], 16), f[1],
                Long.parseUnsignedLong(f[2], 16), f[3], Long.parseLong(f[4]), f.length > 5 ? f[5].strip() : "");
    }

    /** An address of /proc/net/*: the in-memory bytes printed as 32-bit host-order (little-endian) hex words. */
    static InetAddress address(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int w = 0; w < b.length / 4; w++) {
            int v = Integer.parseUnsignedInt(hex.substring(8 * w, 8 * w + 8), 16);
            for (int i = 0; i < 4; i++) b[4 * w + i] = (byte) (v >>> (8 * i));
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address " + hex, e);
        }
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : List.of(s.strip().split(" +"));
    }
}
