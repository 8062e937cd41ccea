package org.jdrgn.program.kernel;

import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.Program;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdrgn.core.KernelDumpFile;
import org.jdrgn.core.PositionalFile;
import org.jdrgn.error.DrgnException;
import org.jdrgn.linux.VmcoreInfo;

/**
 * drgn's {@code set_kernel()}: the running kernel through /proc/kcore. That file is an ELF
 * core whose PT_LOADs are the kernel's virtual addresses (direct-map and text ones with their
 * physical addresses too), with a VMCOREINFO note since Linux 4.19; before that VMCOREINFO is
 * read from /sys/kernel/vmcoreinfo. It cannot be mapped and its st_size is not its size, so
 * it is read with positional reads ({@link KernelDumpFile#openPositional}). The program is
 * IS_LIVE: no CPU registers, no crashed thread. Errors are drgn's OSError texts, which the
 * Python face raises as FileNotFoundError / PermissionError.
 */
public final class LiveKernel {
    public static final Path KCORE = Path.of("/proc/kcore");

    private LiveKernel() {}

    /** True for /proc/kcore however named: drgn's set_core_dump() of it opens the running kernel. */
    public static boolean isKcore(Path path) {
        return path.getFileName() != null && path.getFileName().toString().equals("kcore") && PositionalFile.inProcfs(path);
    }

    public static void open(Program prog, DebugInfoOptions options, Consumer<String> warn) {
        open(prog, KCORE, options, warn);
    }

    /** @param kcore /proc/kcore, or an ELF vmcore with virtual addresses standing for it */
    public static void open(Program prog, Path kcore, DebugInfoOptions options, Consumer<String> warn) {
        open(prog, kcore, options, Path.of("/"), warn);
    }

    /** @param root where /sys/kernel/vmcoreinfo and the default vmlinux paths are looked up ("/"; a directory in tests) */
    static void open(Program prog, Path kcore, DebugInfoOptions options, Path root, Consumer<String> warn) {
        // the causes make the Python face raise FileNotFoundError / PermissionError, as drgn
        if (!Files.exists(kcore)) throw new DrgnException("[Errno 2] No such file or directory: '" + kcore + "'",
                new java.nio.file.NoSuchFileException(kcore.toString()));
        if (!Files.isReadable(kcore)) throw new DrgnException("[Errno 13] Permission denied: '" + kcore + "'",
                new java.nio.file.AccessDeniedException(kcore.toString()));
        KernelDumpFile file = KernelLoader.openFile(kcore, true);
        Optional<String> info = file.vmcoreinfo().or(() -> LiveVmcoreInfo.read(root.resolve(LiveVmcoreInfo.SYSFS), file.memory()));
        KernelLoader.open(prog, file, info.map(t -> withRelease(t, root)), true, options, root, warn);
    }

    /**
     * VMCOREINFO with OSRELEASE (which finds vmlinux and the modules): the kernel's own, else
     * the running kernel's release from /proc/sys/kernel/osrelease (uname -r).
     */
    static String withRelease(String vmcoreinfo, Path root) {
        if (VmcoreInfo.parse(vmcoreinfo).get("OSRELEASE").filter(r -> !r.isEmpty()).isPresent()) return vmcoreinfo;
        try {
            String release = Files.readString(root.resolve("proc/sys/kernel/osrelease")).strip();
            if (release.isEmpty() || release.contains("\n")) return vmcoreinfo;
            return vmcoreinfo + (vmcoreinfo.isEmpty() || vmcoreinfo.endsWith("\n") ? "" : "\n") + "OSRELEASE=" + release + "\n";
        } catch (java.io.IOException e) {
            return vmcoreinfo; // VmcoreInfo then says OSRELEASE is missing, as drgn
        }
    }
}
