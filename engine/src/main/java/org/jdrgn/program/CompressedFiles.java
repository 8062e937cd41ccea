package org.jdrgn.program;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jdrgn.error.DrgnException;

/**
 * Lets {@code -c dump.core.zst} and {@code -s binary.zst} work: a zstd-compressed input is
 * decompressed once into ~/.cache/jdrgn/unzstd/ (keyed by path, size and mtime, written
 * atomically so parallel runs do not clash) and the plain file is used from there.
 */
public final class CompressedFiles {
    private CompressedFiles() {}

    /** The path to read: {@code file} itself, or its decompressed copy if it ends in .zst. */
    public static Path plain(Path file) {
        if (!file.getFileName().toString().endsWith(".zst")) return file;
        try {
            Path abs = file.toAbsolutePath().normalize();
            String key = Integer.toHexString(abs.toString().hashCode()) + "-" + Long.toHexString(Files.size(abs))
                    + "-" + Long.toHexString(Files.getLastModifiedTime(abs).toMillis());
            String name = abs.getFileName().toString();
            Path dir = Path.of(System.getProperty("user.home"), ".cache", "jdrgn", "unzstd", key);
            Path out = dir.resolve(name.substring(0, name.length() - 4));
            if (Files.isRegularFile(out)) return out;
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "part", ".tmp");
            try (InputStream in = new ZstdInputStream(Files.newInputStream(abs))) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw new DrgnException(file + ": cannot decompress zstd file: " + e.getMessage(), e);
            }
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return out;
        } catch (NoSuchFileException e) {
            throw new DrgnException("[Errno 2] No such file or directory: '" + file + "'", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
