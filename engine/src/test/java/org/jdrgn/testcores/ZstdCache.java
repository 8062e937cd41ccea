package org.jdrgn.testcores;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Content-addressed cache of decompressed .zst files: {@code <root>/<sha256 prefix>/<name>}.
 * A file is written under a temporary name and renamed into place, so test JVMs running in
 * parallel never see a partial file; a file found in the cache is checked against its sha256
 * once per JVM.
 */
final class ZstdCache {
    private static final int SHA_PREFIX = 16;
    private final Path root;
    private final Map<Path, Boolean> verified = new ConcurrentHashMap<>();

    ZstdCache(Path root) {
        this.root = root;
    }

    /** The decompressed content of {@code zst}, which must have the given size and sha256. */
    Path get(Path zst, String name, long size, String sha256) {
        Path target = root.resolve(sha256.substring(0, SHA_PREFIX)).resolve(name);
        if (verified.containsKey(target)) return target;
        try {
            if (!Files.isRegularFile(target) || !matches(target, size, sha256)) {
                decompress(zst, target, size, sha256);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("decompressing " + zst + " to " + target, e);
        }
        verified.put(target, Boolean.TRUE);
        return target;
    }

    private static boolean matches(Path file, long size, String sha256) throws IOException {
        return Files.size(file) == size && Sha256.of(file).equals(sha256);
    }

    private static void decompress(Path zst, Path target, long size, String sha256) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (InputStream in = new ZstdInputStream(Files.newInputStream(zst))) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            if (!matches(tmp, size, sha256)) {
                throw new IOException(zst + ": decompressed to " + Files.size(tmp) + " bytes, sha256 "
                        + Sha256.of(tmp) + "; the manifest says " + size + " bytes, sha256 " + sha256);
            }
            moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Atomic rename; another JVM may have put the same content there first, which is fine. */
    static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
