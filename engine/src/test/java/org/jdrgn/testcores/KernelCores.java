package org.jdrgn.testcores;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The real Linux kernel crash dumps and their drgn 0.0.22 oracle, made (never committed:
 * about 2 GB, and KASLR moves every address at each boot) by
 * {@code testcores/kernel/make-kernel-cores.sh} and {@code make-kernel-oracle.sh} under
 * {@code ~/.cache/jdrgn/kernel} (override: -Djdrgn.kernel.cache=DIR or $JDRGN_KERNEL_CACHE).
 * Tests call {@link #assumeDumps()} / {@link #assumeOracle()} first: without the material they
 * are skipped with a message that says how to make it.
 */
public final class KernelCores {
    private static final String MAKE = "testcores/kernel/make-kernel-cores.sh";
    private static final String MAKE_ORACLE = "testcores/kernel/make-kernel-oracle.sh";

    private KernelCores() {}

    /** The cache folder the scripts write to. */
    public static Path cacheDir() {
        String prop = System.getProperty("jdrgn.kernel.cache");
        if (prop != null) return Path.of(prop);
        String env = System.getenv("JDRGN_KERNEL_CACHE");
        if (env != null && !env.isEmpty()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".cache", "jdrgn", "kernel");
    }

    /** kernel.properties is written last by make-kernel-cores.sh: present means complete. */
    public static boolean dumpsAvailable() {
        return Files.isRegularFile(cacheDir().resolve("kernel.properties"));
    }

    /** The oracle exists and was made from the dumps next to it (its stamp is written last). */
    public static boolean oracleAvailable() {
        return dumpsAvailable() && Files.isRegularFile(oracleDir().resolve(".stamp"))
                && Files.isRegularFile(oracleDir().resolve("formats.tsv"));
    }

    /** Skips the calling test unless the dumps have been made. */
    public static void assumeDumps() {
        assumeTrue(dumpsAvailable(), () -> "kernel dumps not made: no " + cacheDir().resolve("kernel.properties")
                + "; run " + MAKE + " (about 75 s, needs qemu-system-x86 busybox-static cpio makedumpfile gcc)");
    }

    /** Skips the calling test unless the dumps and their drgn oracle have been made. */
    public static void assumeOracle() {
        assumeDumps();
        assumeTrue(oracleAvailable(), () -> "kernel oracle not made: no " + oracleDir().resolve(".stamp")
                + "; run " + MAKE_ORACLE + " (about 12 s, needs drgn 0.0.22 as /usr/bin/python3 -m drgn)");
    }

    /**
     * Skips the calling test unless the dumps were made by this checkout's make-kernel-cores.sh
     * and src/ (their sources_key) and the guest's records of every state are complete.
     */
    public static void assumeGuestFacts() {
        assumeDumps();
        String made = optionalProperty("sources_key");
        String now = sourcesKey();
        assumeTrue(now.equals(made), () -> "kernel material is stale: made from sources " + made
                + ", this checkout's testcores/kernel is " + now + "; rerun " + MAKE);
        for (KernelDump.State s : KernelDump.State.values()) {
            Path done = guestDir(s).resolve("done");
            assumeTrue(Files.isRegularFile(done), () -> "no guest records " + done + "; rerun " + MAKE);
        }
    }

    /**
     * make-kernel-cores.sh's SOURCES_KEY for this checkout: sha256 of the script then every file
     * of testcores/kernel/src in byte order of their names, first 16 hex digits.
     */
    public static String sourcesKey() {
        Path dir = TestCores.root().resolve("kernel");
        try (var files = Files.list(dir.resolve("src"))) {
            List<Path> all = new java.util.ArrayList<>(List.of(dir.resolve("make-kernel-cores.sh")));
            files.filter(f -> !f.getFileName().toString().startsWith(".") && !f.getFileName().toString().equals("__pycache__"))
                    .sorted(java.util.Comparator.comparing(f -> f.getFileName().toString())).forEach(all::add);
            return Sha256.ofConcatenation(all).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The guest's records of the boot that made a state's dumps (see {@link GuestFacts}). */
    public static Path guestDir(KernelDump.State state) {
        return Path.of(property("dumps")).resolve("guest-" + state.name().toLowerCase());
    }

    /** The kernel release, e.g. "6.1.0-47-cloud-amd64" (= init_uts_ns.name.release). */
    public static String release() {
        return property("kver");
    }

    /** The Debian package version of the kernel, e.g. "6.1.170-3". */
    public static String packageVersion() {
        return property("package_version");
    }

    /** vmlinux from linux-image-&lt;release&gt;-dbg: ET_EXEC with DWARF 5, about 587 MB. */
    public static Path vmlinux() {
        return Path.of(property("vmlinux"));
    }

    /** The compressed bzImage the guests booted. */
    public static Path vmlinuz() {
        return Path.of(property("vmlinuz"));
    }

    /** Debug files of the modules loaded in every guest: qemu_fw_cfg, pvpanic, pvpanic-mmio, loop. */
    public static List<Path> debugModules() {
        return Arrays.stream(property("debug_modules").split(" ")).map(Path::of).toList();
    }

    /** The extracted packages: boot/, lib/modules/&lt;release&gt;/, usr/lib/debug/... */
    public static Path packageRoot() {
        return cacheDir().resolve("root");
    }

    public static Path dump(KernelDump dump) {
        return Path.of(property("dumps")).resolve(dump.fileName());
    }

    /** The guest's serial console during the boot that made this state's dumps. */
    public static Path consoleLog(KernelDump.State state) {
        return Path.of(property("dumps")).resolve("console-" + state.name().toLowerCase() + ".log");
    }

    public static Path oracleDir() {
        return cacheDir().resolve("oracle");
    }

    /** oracle.py's facts about a dump (failures read "ERROR Type: message"). */
    public static OracleFacts facts(KernelDump dump) {
        return OracleFacts.read(oracleFile(dump, "facts.tsv"));
    }

    /** oracle.py's stack-trace rows for every task of a dump (empty when drgn could not open it). */
    public static List<KernelTraceFrame> traces(KernelDump dump) {
        return KernelTraceFrame.read(oracleFile(dump, "traces.tsv"));
    }

    /** An oracle file of a dump: "facts.tsv", "traces.tsv" or "drgn.txt". */
    public static Path oracleFile(KernelDump dump, String suffix) {
        Path p = oracleDir().resolve(dump.fileName() + "." + suffix);
        if (!Files.isRegularFile(p)) throw new IllegalArgumentException("no kernel oracle file " + p);
        return p;
    }

    /** Per dump: size, drgn CLI exit code and last line, comparison with the reference. */
    public static Path formatsFile() {
        return oracleDir().resolve("formats.tsv");
    }

    private static String property(String key) {
        String v = optionalProperty(key);
        if (v == null || v.isBlank()) throw new IllegalStateException(cacheDir().resolve("kernel.properties") + ": no " + key);
        return v.strip();
    }

    private static String optionalProperty(String key) {
        Path file = cacheDir().resolve("kernel.properties");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + file + ": run " + MAKE + " (tests: call assumeDumps() first)");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String v = p.getProperty(key);
        return v == null ? null : v.strip();
    }
}
