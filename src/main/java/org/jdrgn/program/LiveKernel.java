package org.jdrgn.program;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.jdrgn.error.DrgnException;

/**
 * drgn's {@code set_kernel()}: the running kernel through /proc/kcore. That file is an ELF
 * core whose PT_LOADs are the kernel's virtual addresses, with a VMCOREINFO note since Linux
 * 4.19, so it is opened by the path of an ELF vmcore with virtual addresses (QEMU's
 * paging=true dumps). Errors are drgn's OSError texts, which the Python face raises as
 * FileNotFoundError / PermissionError.
 */
public final class LiveKernel {
    public static final Path KCORE = Path.of("/proc/kcore");

    private LiveKernel() {}

    public static void open(Program prog, DebugInfoOptions options, Consumer<String> warn) {
        open(prog, KCORE, options, warn);
    }

    /** @param kcore /proc/kcore, or an ELF vmcore with virtual addresses standing for it */
    public static void open(Program prog, Path kcore, DebugInfoOptions options, Consumer<String> warn) {
        if (!Files.exists(kcore)) throw new DrgnException("[Errno 2] No such file or directory: '" + kcore + "'");
        if (!Files.isReadable(kcore)) throw new DrgnException("[Errno 13] Permission denied: '" + kcore + "'");
        KernelLoader.open(prog, kcore, options, warn);
    }
}
