package org.jdrgn.elf;

import java.io.IOException;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ELF files this process has mapped, by path as given, so that Programs opened one after
 * another (the resident server) reuse a file's parsed structures ({@link ElfFile#derived}).
 * This is the file layer's own cache (ARCHITECTURE.md): an entry is reused only while the
 * file's {@link FileIdentity} is unchanged, and is held softly so that the GC can reclaim
 * files no Program uses. Files not read from disk (relocated modules, vDSO) never enter it.
 */
final class OpenedFiles {
    interface Mapper {
        ElfFile map(Path path) throws IOException;
    }

    /** A soft reference to the file, with the identity it had when mapped and its key for removal. */
    private static final class Ref extends SoftReference<ElfFile> {
        final Path path;
        final FileIdentity identity;

        Ref(Path path, FileIdentity identity, ElfFile file, ReferenceQueue<ElfFile> q) {
            super(file, q);
            this.path = path;
            this.identity = identity;
        }
    }

    private static final ConcurrentHashMap<Path, Ref> FILES = new ConcurrentHashMap<>();
    private static final ReferenceQueue<ElfFile> CLEARED = new ReferenceQueue<>();

    private OpenedFiles() {}

    /** The mapped file at {@code path}: the one already open if the file is unchanged since, else a new mapping. */
    static ElfFile open(Path path, Mapper mapper) throws IOException {
        expunge();
        FileIdentity before = FileIdentity.of(path);
        Ref ref = FILES.get(path);
        ElfFile cached = ref == null || !ref.identity.equals(before) ? null : ref.get();
        if (cached != null) return cached;
        ElfFile file = mapper.map(path);
        // changed while being mapped: use it, but do not offer it to later opens
        if (FileIdentity.of(path).equals(before)) FILES.put(path, new Ref(path, before, file, CLEARED));
        return file;
    }

    /** Drops entries whose file the GC reclaimed. */
    private static void expunge() {
        // bounded: each queued reference is polled once
        for (var r = CLEARED.poll(); r != null; r = CLEARED.poll()) {
            Ref ref = (Ref) r;
            FILES.remove(ref.path, ref);
        }
    }
}
