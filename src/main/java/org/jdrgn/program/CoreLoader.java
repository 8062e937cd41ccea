package org.jdrgn.program;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.jdrgn.error.ValueErrorException;

/** Opens a core dump into a Program: memory, threads, modules and their symbols. */
public final class CoreLoader {
    private CoreLoader() {}

    public static void open(Program prog, Path core, DebugInfoOptions options, Consumer<String> warn) {
        throw new ValueErrorException(core + ": core dumps are not wired in yet");
    }
}
