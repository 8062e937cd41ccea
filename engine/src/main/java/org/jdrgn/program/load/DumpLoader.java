package org.jdrgn.program.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.jdrgn.error.DrgnException;
import org.jdrgn.program.CompressedFiles;
import org.jdrgn.program.CoreDumpPath;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.Program;
import org.jdrgn.program.kernel.KernelLoader;
import org.jdrgn.program.kernel.LiveKernel;
import org.jdrgn.program.userspace.CoreLoader;

/**
 * drgn's set_core_dump(path): picks the target a file is (/proc/kcore, a kernel dump, a
 * userspace core) and opens it into the Program with that target's loader.
 */
public final class DumpLoader {
    private DumpLoader() {}

    public static void open(Program prog, Path path, DebugInfoOptions options, Consumer<String> warn) {
        Path core = CompressedFiles.plain(path);
        if (Files.isDirectory(core)) throw new DrgnException("[Errno 21] Is a directory: '" + path + "'");
        if (LiveKernel.isKcore(core)) {
            LiveKernel.open(prog, core, options, warn);
        } else if (KernelLoader.isKernelDump(core)) {
            KernelLoader.open(prog, core, options, warn);
            CoreDumpPath.set(prog, path.toString());
        } else {
            CoreLoader.open(prog, path, options, warn);
        }
    }
}
