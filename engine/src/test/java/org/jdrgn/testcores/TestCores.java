package org.jdrgn.testcores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The committed test cores (testcores/: cores/*.core.zst, bin/&lt;variant&gt;/&lt;prog&gt;.zst,
 * MANIFEST.tsv, oracle/) as plain files for tests. Files are decompressed once into
 * {@code ~/.cache/jdrgn/testcores/<sha256 prefix>/} (override: -Djdrgn.testcores.cache=DIR;
 * the testcores folder itself: -Djdrgn.testcores.dir=DIR, default found upward from the
 * working directory).
 */
public final class TestCores {
    /** Where the programs ran when their cores were made; the cores name their executables so. */
    public static final Path RUN_DIR = Path.of("/tmp/testcores-run");
    /** mtime given to run-tree binaries: older than any core, as make-oracle.sh does for gdb. */
    private static final FileTime RUN_TREE_MTIME = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));

    private TestCores() {}

    private static final class State {
        static final Path ROOT = findRoot();
        static final Manifest MANIFEST = Manifest.read(ROOT.resolve("MANIFEST.tsv"));
        static final ZstdCache CACHE = new ZstdCache(cacheRoot());
        static boolean runTreeDone;
    }

    /** The testcores/ folder of the checkout. */
    public static Path root() {
        return State.ROOT;
    }

    public static Manifest manifest() {
        return State.MANIFEST;
    }

    /** Core names, e.g. "threads_O0-dw5-pie.segv", in manifest order. */
    public static List<String> list() {
        return manifest().entries().stream().map(Manifest.Entry::core).toList();
    }

    /** The raw core file (decompressed, sha256-checked against the manifest). */
    public static Path core(String name) {
        Manifest.Entry e = entry(name);
        return State.CACHE.get(root().resolve("cores").resolve(name + ".core.zst"), name + ".core",
                e.coreSize(), e.coreSha256());
    }

    /** The executable the core was made from (decompressed copy in the cache, not the run tree). */
    public static Path binaryFor(String coreName) {
        Manifest.Entry e = entry(coreName);
        return State.CACHE.get(root().resolve(e.binaryZst()), e.program(), e.binarySize(), e.binarySha256());
    }

    /** The path the core recorded for its executable: /tmp/testcores-run/&lt;variant&gt;/&lt;prog&gt;. */
    public static Path runPath(String coreName) {
        Manifest.Entry e = entry(coreName);
        return RUN_DIR.resolve(e.variant()).resolve(e.program());
    }

    /**
     * Puts every binary at its {@link #runPath}, unless an identical file is already there
     * (drgn 0.0.22 and a Java port finding executables by their recorded path need this).
     */
    public static synchronized void materializeRunTree() {
        if (State.runTreeDone) return;
        Map<Path, String> wanted = new LinkedHashMap<>();
        for (String core : list()) wanted.putIfAbsent(runPath(core), core);
        try {
            for (Map.Entry<Path, String> w : wanted.entrySet()) place(binaryFor(w.getValue()), w.getKey(),
                    entry(w.getValue()));
        } catch (IOException e) {
            throw new UncheckedIOException("materializing " + RUN_DIR, e);
        }
        State.runTreeDone = true;
    }

    private static void place(Path from, Path to, Manifest.Entry e) throws IOException {
        if (Files.isRegularFile(to) && Files.size(to) == e.binarySize() && Sha256.of(to).equals(e.binarySha256())) {
            return;
        }
        Files.createDirectories(to.getParent());
        Path tmp = Files.createTempFile(to.getParent(), "." + to.getFileName(), ".tmp");
        try {
            Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setLastModifiedTime(tmp, RUN_TREE_MTIME);
            ZstdCache.moveIntoPlace(tmp, to);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A "key<TAB>value" oracle: {@code oracle(core, "basics")} reads oracle/&lt;core&gt;.basics.tsv. */
    public static OracleFacts oracle(String coreName, String oracleName) {
        entry(coreName);
        return OracleFacts.read(oracleFile(coreName, oracleName + ".tsv"));
    }

    /** An oracle output file, e.g. oracleFile(core, "drgn.txt") or "gdb.txt". */
    public static Path oracleFile(String coreName, String suffix) {
        Path p = root().resolve("oracle").resolve(coreName + "." + suffix);
        if (!Files.isRegularFile(p)) throw new IllegalArgumentException("no oracle file " + p);
        return p;
    }

    private static Manifest.Entry entry(String core) {
        return manifest().entry(core).orElseThrow(
                () -> new IllegalArgumentException("no test core " + core + "; known: " + list()));
    }

    private static Path findRoot() {
        String prop = System.getProperty("jdrgn.testcores.dir");
        if (prop != null) return Path.of(prop).toAbsolutePath();
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("testcores");
            if (Files.isRegularFile(candidate.resolve("MANIFEST.tsv"))) return candidate;
        }
        throw new IllegalStateException("no testcores/MANIFEST.tsv above " + Path.of("").toAbsolutePath());
    }

    private static Path cacheRoot() {
        String prop = System.getProperty("jdrgn.testcores.cache");
        if (prop != null) return Path.of(prop);
        return Path.of(System.getProperty("user.home"), ".cache", "jdrgn", "testcores");
    }
}
