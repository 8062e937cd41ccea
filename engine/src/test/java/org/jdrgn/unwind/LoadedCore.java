package org.jdrgn.unwind;

import java.nio.file.Path;
import java.util.List;
import org.jdrgn.program.load.DumpLoader;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.Program;
import org.jdrgn.testcores.TestCores;

/** A test core opened as a Program, with its unwinder. */
public record LoadedCore(String name, Program program, Unwinder unwinder) {
    public static LoadedCore open(String core) {
        return open(core, TestCores.core(core), DebugInfoOptions.DEFAULT);
    }

    public static LoadedCore open(String core, Path coreFile, DebugInfoOptions options) {
        TestCores.materializeRunTree();
        Program p = new Program(null);
        DumpLoader.open(p, coreFile, options, w -> {});
        return new LoadedCore(core, p, Unwinder.forProgram(p));
    }

    /** Only the given files (-s), no default search: e.g. libc without its debug file. */
    public static LoadedCore withOnly(String core, Path coreFile, List<Path> files) {
        return open(core, coreFile, new DebugInfoOptions(files, false, false));
    }

    public static final Path LIBC = Path.of("/lib/x86_64-linux-gnu/libc.so.6");
}
