package org.jdrgn.program.userspace;

import org.jdrgn.program.CompressedFiles;
import org.jdrgn.program.CoreDumpPath;
import org.jdrgn.program.DebugInfo;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.DwarfObjectFinder;
import org.jdrgn.program.LoadedModules;
import org.jdrgn.program.Module;
import org.jdrgn.program.Platform;
import org.jdrgn.program.Program;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.jdrgn.core.CoreDump;
import org.jdrgn.core.CoreMemory;
import org.jdrgn.elf.ElfConstants;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.error.DrgnException;
import org.jdrgn.error.ValueErrorException;

/**
 * Opens a userspace core dump into a Program: memory, threads, modules and their symbols.
 * Any dump (kernel ones too) is opened through {@link org.jdrgn.program.load.DumpLoader}.
 */
public final class CoreLoader {
    private CoreLoader() {}

    /** {@code path} as given (messages name it); a compressed core is read from its plain copy. */
    public static void open(Program prog, Path path, DebugInfoOptions options, Consumer<String> warn) {
        Path core = CompressedFiles.plain(path);
        ElfFile elf;
        try {
            elf = ElfFile.open(core);
        } catch (NoSuchFileException e) {
            throw new DrgnException("[Errno 2] No such file or directory: '" + path + "'", e);
        } catch (IOException e) {
            throw new DrgnException(path + ": " + e.getMessage(), e);
        }
        if (elf.type() != ElfConstants.ET_CORE) {
            throw new ValueErrorException(path + ": not an ELF core file (ELF type " + elf.type() + ")");
        }
        CoreDump dump = CoreDump.of(elf);
        DebugFileFinder finder;
        try {
            finder = new DebugFileFinder(options.symbolFiles().stream().map(CompressedFiles::plain).toList(),
                    options.defaultSymbols());
        } catch (NoSuchFileException e) {
            throw new DrgnException("[Errno 2] No such file or directory: '" + e.getFile() + "'", e);
        } catch (IOException e) {
            throw new DrgnException(e.getMessage(), e);
        }
        LoadedModules modules = ModuleFinder.find(dump, finder);
        finder.warnings().forEach(warn);
        for (Module m : modules.missing()) {
            if (m.kind() != Module.Kind.VDSO) {
                warn.accept("could not get debugging information for: " + m.name()
                        + " (no file with build-id " + m.buildId().map(Object::toString).orElse("unknown") + " found)");
            }
        }
        Platform platform = switch (elf.machine()) {
            case ElfConstants.EM_X86_64 -> Platform.X86_64;
            default -> throw new ValueErrorException(path + ": unsupported architecture (ELF machine " + elf.machine() + ")");
        };
        prog.attach(platform, 0, new CoreMemory(dump, modules.fileSource()), new CoreTarget(dump, modules));
        CoreDumpPath.set(prog, path.toString());
        DebugInfo debug = new DebugInfo(modules.modules(), warn);
        prog.types().addFinder(debug);
        CoreTarget target = (CoreTarget) prog.target();
        prog.addObjectFinder(new DwarfObjectFinder(debug, prog.objectContext(),
                () -> target.crashedThread().or(target::mainThread).orElse(null)));
    }
}
