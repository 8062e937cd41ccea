package org.jdrgn.program;

import java.util.Optional;

/**
 * drgn's {@code Program.core_dump_path}: the path the program's core dump was opened from,
 * as given. Kept in the Program's cache so Program itself needs no field for it.
 */
public final class CoreDumpPath {
    private volatile String path;

    private static CoreDumpPath of(Program prog) { return prog.cache(CoreDumpPath.class, p -> new CoreDumpPath()); }

    public static void set(Program prog, String path) { of(prog).path = path; }

    /** The core dump path, or empty if the program was not created from one. */
    public static Optional<String> get(Program prog) { return Optional.ofNullable(of(prog).path); }
}
