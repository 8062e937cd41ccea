package org.jdrgn.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdrgn.bytes.ByteSlice;

/**
 * Supplies the contents of a file named by an NT_FILE mapping, for memory the core did not
 * save. The module layer can substitute a source that checks build IDs first.
 */
@FunctionalInterface
public interface MappedFileSource {
    /** The file's bytes, or empty if it cannot (or must not) be used. */
    Optional<ByteSlice> open(String path);

    MappedFileSource NONE = path -> Optional.empty();

    /** Maps the path as written in the core, once, on first use; unreadable files are remembered as absent. */
    static MappedFileSource fromDisk() {
        ConcurrentHashMap<String, Optional<ByteSlice>> cache = new ConcurrentHashMap<>();
        return path -> cache.computeIfAbsent(path, p -> {
            Path file = Path.of(p);
            if (!Files.isRegularFile(file)) return Optional.empty();
            try {
                return Optional.of(ByteSlice.map(file));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }
}
