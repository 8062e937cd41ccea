package org.jdrgn.index;

import static org.jdrgn.index.TableLayout.*;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.elf.ElfFile;

/**
 * Name tables on disk, one file per debug file: {@code <dir>/<build-id>.idx}. Best effort: a
 * missing, stale, truncated or corrupt file is ignored (and rebuilt), a failed write leaves
 * nothing behind. Written to a temporary file and renamed, so readers never see half a file.
 */
public final class IndexCache {
    /** System property: the cache directory (default {@code ~/.cache/jdrgn/index}). */
    public static final String DIR_PROPERTY = "jdrgn.index.cache.dir";
    /** System property: {@code off} disables the cache. */
    public static final String ENABLED_PROPERTY = "jdrgn.index.cache";

    private final Path dir;

    private IndexCache(Path dir) { this.dir = dir; }

    /** No cache: every add builds. */
    public static IndexCache none() { return new IndexCache(null); }

    public static IndexCache at(Path dir) { return new IndexCache(dir); }

    /** From {@link #DIR_PROPERTY} and {@link #ENABLED_PROPERTY}. */
    public static IndexCache fromSystemProperties() {
        if ("off".equalsIgnoreCase(System.getProperty(ENABLED_PROPERTY, ""))) return none();
        String d = System.getProperty(DIR_PROPERTY);
        return at(d != null ? Path.of(d) : Path.of(System.getProperty("user.home"), ".cache", "jdrgn", "index"));
    }

    public Optional<Path> directory() { return Optional.ofNullable(dir); }

    /** The key of a debug file opened from disk with a build-id; empty otherwise (or if disabled). */
    Optional<CacheKey> keyFor(ElfFile file) {
        if (dir == null || file.path().isEmpty() || file.buildId().isEmpty()) return Optional.empty();
        String id = file.buildId().get().hex();
        if (id.length() > 2 * MAX_BUILD_ID) return Optional.empty();
        try {
            Path p = file.path().get();
            return Optional.of(new CacheKey(id, Files.size(p), Files.getLastModifiedTime(p).toMillis()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    Path path(CacheKey key) { return dir.resolve(key.buildId() + ".idx"); }

    /** What a loaded table depends on besides its debug file object: the file's key now, and the cache file as it is now. */
    private record Loaded(CacheKey key, Path cacheFile, Object fileKey, long size, java.nio.file.attribute.FileTime modified, int sources) {}

    /**
     * Like {@link #load}, but the verified table is kept on {@code file} (which an unchanged file
     * shares across Programs), so later loads skip the mapping and checksum. Keyed also by the
     * cache file's inode, size and mtime (as fine as the file system keeps it): a rewritten cache file is verified afresh. A miss is not kept.
     */
    NameTable loadShared(ElfFile file, CacheKey key, int sources) {
        Path p = path(key);
        Loaded id;
        try {
            var a = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
            id = new Loaded(key, p, a.fileKey(), a.size(), a.lastModifiedTime(), sources);
        } catch (IOException e) {
            return null;
        }
        // derived does not keep a null (ConcurrentHashMap.computeIfAbsent): a miss retries next time
        return file.derived(id, () -> load(key, sources));
    }

    /** The cached table for {@code key}, mapped read-only and verified; null if absent or unusable. */
    NameTable load(CacheKey key, int sources) {
        Path p = path(key);
        MemorySegment m;
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < HEADER_SIZE) return null;
            m = ch.map(FileChannel.MapMode.READ_ONLY, 0, size, Arena.ofAuto());
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
        try {
            NameTable t = NameTable.verified(m, p.toString());
            byte[] id = key.buildIdBytes();
            boolean same = m.get(U64, H_FILE_SIZE) == key.fileSize() && m.get(U64, H_FILE_MTIME) == key.mtimeMillis()
                    && m.get(U32, H_SOURCES) == sources && m.get(U32, H_BUILD_ID_LEN) == id.length
                    && Arrays.equals(m.asSlice(H_BUILD_ID, id.length).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE), id);
            return same ? t : null;
        } catch (FormatException e) {
            return null;
        }
    }

    /**
     * Writes {@code image} for {@code key}, its header stamped with the key (the checksum
     * recomputed); returns false (and leaves no file) if that failed.
     */
    boolean store(CacheKey key, MemorySegment image) {
        byte[] id = key.buildIdBytes();
        if (dir == null || id.length > MAX_BUILD_ID) return false;
        MemorySegment header = MemorySegment.ofArray(new byte[HEADER_SIZE]);
        MemorySegment.copy(image, 0, header, 0, HEADER_SIZE);
        header.set(U64, H_FILE_SIZE, key.fileSize());
        header.set(U64, H_FILE_MTIME, key.mtimeMillis());
        header.set(U32, H_BUILD_ID_LEN, id.length);
        MemorySegment.copy(MemorySegment.ofArray(id), 0, header, H_BUILD_ID, id.length);
        CRC32C crc = new CRC32C();
        crc.update(header.asSlice(CRC_FROM).asByteBuffer());
        crc.update(image.asSlice(HEADER_SIZE).asByteBuffer());
        header.set(U32, H_CRC, (int) crc.getValue());
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, key.buildId(), ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                // each write makes progress or throws
                for (ByteBuffer b : new ByteBuffer[] {header.asByteBuffer(), image.asSlice(HEADER_SIZE).asByteBuffer()}) {
                    while (b.hasRemaining()) ch.write(b);
                }
            }
            Files.move(tmp, path(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more to do: the cache is best effort
                }
            }
            return false;
        }
    }
}
