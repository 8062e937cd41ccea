package org.jdrgn.elf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What tells one version of a file on disk from another: size, modification time and the
 * file key (device + inode where the platform has one). Equal identities mean the parsed
 * structures of the file may be reused; a rewrite, touch or replacement changes it.
 */
record FileIdentity(long size, long mtimeNanos, Object fileKey) {
    static FileIdentity of(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        long mtime = a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
        return new FileIdentity(a.size(), mtime, a.fileKey());
    }
}
