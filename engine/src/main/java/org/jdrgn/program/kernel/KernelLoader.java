package org.jdrgn.program.kernel;

import org.jdrgn.program.DebugInfo;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.LoadedModules;
import org.jdrgn.program.Module;
import org.jdrgn.program.Platform;
import org.jdrgn.program.Program;
import org.jdrgn.program.ProgramFlags;
import org.jdrgn.elf.Symbol;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.core.KernelDumpFile;
import org.jdrgn.core.KernelDumpFormat;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.ElfSymbolTable;
import org.jdrgn.error.DrgnException;
import org.jdrgn.error.MissingDebugInfoException;
import org.jdrgn.error.ValueErrorException;
import org.jdrgn.linux.KernelMemory;
import org.jdrgn.linux.PrStatusNotes;
import org.jdrgn.linux.VmcoreInfo;
import org.jdrgn.linux.VmlinuxSymbols;

/**
 * Opens a Linux kernel crash dump (ELF vmcore, diskdump or flattened) into a Program:
 * x86-64, IS_LINUX_KERNEL, kernel virtual and physical memory, vmlinux as the first module
 * (bias = KASLR offset) for DWARF and symbols, then the loaded kernel modules (found on first
 * use of symbols or debug info, with their .ko relocated), tasks as threads. Nothing is
 * walked or indexed until asked.
 */
public final class KernelLoader {
    private KernelLoader() {}

    /** True for a diskdump or flattened file, or an ELF core with a VMCOREINFO note. */
    public static boolean isKernelDump(Path path) {
        if (LiveKernel.isKcore(path)) return true;
        try {
            ByteSlice data;
            try {
                data = ByteSlice.map(path);
            } catch (IOException e) { // not mappable: an ELF vmcore is still read positionally
                return KernelDumpFile.openPositional(path).vmcoreinfo().isPresent();
            }
            return switch (KernelDumpFormat.detect(data)) {
                case DISKDUMP, FLATTENED -> true;
                case ELF -> KernelDumpFile.vmcoreinfoNote(ElfFile.of(data, path.toString()).notes()).isPresent();
            };
        } catch (IOException | DrgnException e) {
            return false; // not readable as a kernel dump: the userspace loader says why
        }
    }

    public static void open(Program prog, Path path, DebugInfoOptions options, Consumer<String> warn) {
        open(prog, path, options, Path.of("/"), warn);
    }

    /** @param root where the default vmlinux paths are looked up ("/"; a directory in tests) */
    static void open(Program prog, Path path, DebugInfoOptions options, Path root, Consumer<String> warn) {
        KernelDumpFile file = openFile(path);
        KernelDumpCheck.truncation(file, path).ifPresent(warn);
        open(prog, file, file.vmcoreinfo(), false, options, root, warn);
    }

    /**
     * Opens an already opened dump file.
     * @param vmcoreinfo the dump's VMCOREINFO text (the running kernel's may come from sysfs)
     * @param live the running kernel (/proc/kcore): IS_LIVE, and no CPU registers from its notes
     */
    static void open(Program prog, KernelDumpFile file, Optional<String> vmcoreinfo, boolean live,
                     DebugInfoOptions options, Path root, Consumer<String> warn) {
        String path = file.name();
        VmcoreInfo info = VmcoreInfo.parse(vmcoreinfo.orElseThrow(() -> new ValueErrorException(
                path + ": no VMCOREINFO in the dump (for QEMU dumps: -device vmcoreinfo and the qemu_fw_cfg module)")));
        ElfFile vmlinux;
        try {
            vmlinux = KernelVmlinux.find(info, options, root, warn);
        } catch (MissingDebugInfoException e) {     // drgn's CLI warns and opens the dump all the same
            if (!options.vmlinuxOptional()) throw e;
            // (drgn says nothing when it was told to load nothing: --no-default-symbols, no -s)
            if (options.defaultSymbols() || !options.symbolFiles().isEmpty()) {
                warn.accept("could not get debugging information for:\nkernel (" + e.getMessage() + ")");
            }
            openWithoutVmlinux(prog, file, info, live);
            return;
        }
        // a few link-time names: scanned, not the whole table built (the module builds its own)
        VmlinuxSymbols linkSymbols = name -> ElfSymbolTable.lookup(vmlinux, name)
                .map(s -> java.util.OptionalLong.of(s.address())).orElse(java.util.OptionalLong.empty());
        KernelMemory memory = KernelMemory.of(file.memory(), file.hasVirtualAddresses(), info,
                linkSymbols, file.name());
        long bias = memory.kaslrOffset();
        long start = address(linkSymbols, "_text", vmlinux), end = address(linkSymbols, "_end", vmlinux);
        Module module = new Module("kernel", Module.Kind.MAIN, start + bias, end + bias, bias, vmlinux.buildId(),
                Optional.of(vmlinux), Optional.of(vmlinux));
        KernelModuleFiles moduleFiles = new KernelModuleFiles(options.mainOnly() ? List.of() : options.symbolFiles(),
                options.defaultSymbols() && !options.mainOnly(), root, info.osRelease(), warn);
        // like drgn, the module list is walked only if some module's debug file may be found
        LoadedModules modules = new LoadedModules(List.of(module), !moduleFiles.anywhere() ? null
                : () -> KernelModules.find(KernelModules.walkView(prog), moduleFiles, warn));
        attach(prog, file, memory, modules, live);
        DebugInfo debug = new DebugInfo(List.of(module), modules::lateModules, warn);
        prog.types().addFinder(debug);
        prog.addObjectFinder(new KernelObjectFinder(debug, prog.objectContext(), module, start, end));
        prog.addObjectFinder(new KernelSpecialObjects(prog.objectContext(), info, new KernelProgramObjects(prog)));
    }

    /**
     * A dump whose vmlinux cannot be found: memory (KASLR and page tables come from VMCOREINFO),
     * platform and flags work; every name lookup fails as drgn's do ("could not find 'init_task'").
     */
    private static void openWithoutVmlinux(Program prog, KernelDumpFile file, VmcoreInfo info, boolean live) {
        KernelMemory memory = KernelMemory.of(file.memory(), file.hasVirtualAddresses(), info,
                name -> java.util.OptionalLong.empty(), file.name());
        attach(prog, file, memory, new LoadedModules(List.of()), live);
        prog.types().addFinder(new DebugInfo(List.of(), s -> { }));
    }

    private static void attach(Program prog, KernelDumpFile file, KernelMemory memory, LoadedModules modules,
                               boolean live) {
        // kcore's NT_PRSTATUS is a zeroed placeholder: a running kernel has no saved registers
        prog.attach(Platform.X86_64, ProgramFlags.IS_LINUX_KERNEL | (live ? ProgramFlags.IS_LIVE : 0), memory,
                new KernelTarget(prog, memory, modules, live ? List.of() : PrStatusNotes.of(file.notes()),
                        PrStatusNotes.fromQemu(file.notes())));
    }

    private static KernelDumpFile openFile(Path path) {
        return openFile(path, false);
    }

    /** @param positional read without mapping, as /proc/kcore must be */
    static KernelDumpFile openFile(Path path, boolean positional) {
        try {
            return positional ? KernelDumpFile.openPositional(path) : KernelDumpFile.open(path);
        } catch (NoSuchFileException e) {
            throw new DrgnException("[Errno 2] No such file or directory: '" + path + "'", e);
        } catch (IOException e) {
            throw new DrgnException(path + ": " + e.getMessage(), e);
        } catch (FormatException e) {
            throw new DrgnException(path + ": not a readable kernel dump, it may be truncated or corrupt: "
                    + e.getMessage(), e);
        }
    }

    private static long address(VmlinuxSymbols symbols, String name, ElfFile vmlinux) {
        return symbols.address(name).stream().boxed().findFirst().orElseThrow(() ->
                new ValueErrorException(vmlinux.name() + ": no symbol " + name + "; is it a vmlinux?"));
    }
}
