package org.jdrgn.program;

import java.util.Optional;
import org.jdrgn.elf.BuildId;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.ElfSymbolTable;
import org.jdrgn.elf.Lazy;

/**
 * A loaded ELF image of the program (main executable, shared library, vDSO, kernel module): where it is,
 * how far it was moved from its link-time addresses ({@code bias}), its build ID, and the
 * files found for it. A module whose files were not found is still listed, so that errors
 * can name its build ID.
 */
public final class Module {
    public enum Kind { MAIN, SHARED_LIBRARY, VDSO, KERNEL_MODULE }

    private final String name;
    private final Kind kind;
    private final long start, end, bias;
    private final Optional<BuildId> buildId;
    private final Lazy<Optional<ElfFile>> loadedFile;
    private final Lazy<Optional<ElfFile>> debugFile;
    private final Lazy<ElfSymbolTable> symbols;
    private final Optional<org.jdrgn.linux.LoadedKernelModule> kernelModule;

    public Module(String name, Kind kind, long start, long end, long bias, Optional<BuildId> buildId,
                  Optional<ElfFile> loadedFile, Optional<ElfFile> debugFile) {
        this(name, kind, start, end, bias, buildId, () -> loadedFile, () -> debugFile);
    }

    /**
     * A module whose files are made on first use (a kernel module's .ko is relocated to its
     * load addresses only when its symbols or DWARF are needed).
     */
    public Module(String name, Kind kind, long start, long end, long bias, Optional<BuildId> buildId,
                  java.util.function.Supplier<Optional<ElfFile>> loadedFile,
                  java.util.function.Supplier<Optional<ElfFile>> debugFile) {
        this(name, kind, start, end, bias, buildId, loadedFile, debugFile, Optional.empty());
    }

    /** A loaded kernel module: its core layout, bias 0 (its .ko is relocated to where it runs, on first use). */
    public static Module kernelModule(org.jdrgn.linux.LoadedKernelModule m, java.util.function.Supplier<Optional<ElfFile>> ko) {
        return new Module(m.name(), Kind.KERNEL_MODULE, m.base(), m.end(), 0, m.buildId(), ko, ko, Optional.of(m));
    }

    private Module(String name, Kind kind, long start, long end, long bias, Optional<BuildId> buildId,
                   java.util.function.Supplier<Optional<ElfFile>> loadedFile,
                   java.util.function.Supplier<Optional<ElfFile>> debugFile,
                   Optional<org.jdrgn.linux.LoadedKernelModule> kernelModule) {
        this.kernelModule = kernelModule;
        this.name = name;
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.bias = bias;
        this.buildId = buildId;
        this.loadedFile = new Lazy<>(loadedFile);
        this.debugFile = new Lazy<>(debugFile);
        this.symbols = new Lazy<>(this::loadSymbols);
    }

    /** The path the process mapped (NT_FILE / link_map), "[vdso]", "kernel", or a kernel module's name. */
    public String name() { return name; }

    public Kind kind() { return kind; }

    /** For a kernel module: what the kernel's struct module says (its address, section addresses). */
    public Optional<org.jdrgn.linux.LoadedKernelModule> kernelModule() { return kernelModule; }

    /** [start, end): the address range of its PT_LOAD segments. */
    public long start() { return start; }

    public long end() { return end; }

    /** Load address minus link-time address (0 for non-PIE executables). */
    public long bias() { return bias; }

    public Optional<BuildId> buildId() { return buildId; }

    /** The ELF file matching what was loaded (for symbols and unsaved read-only memory). */
    public Optional<ElfFile> loadedFile() { return loadedFile.get(); }

    /** The ELF file with DWARF for this module, if any. */
    public Optional<ElfFile> debugFile() { return debugFile.get(); }

    /** Where the loaded file was read from (drgn's Module.loaded_file_path), if it is a file on disk. */
    public Optional<String> loadedFilePath() { return loadedFile().flatMap(Module::path); }

    /** Where the debug file was read from (drgn's Module.debug_file_path), if it is a file on disk. */
    public Optional<String> debugFilePath() { return debugFile().flatMap(Module::path); }

    /** A relocated .ko is a copy named by its file's path; in-memory images ("[vdso]") have none. */
    private static Optional<String> path(ElfFile f) {
        return f.path().map(java.nio.file.Path::toString).or(() -> Optional.of(f.name()).filter(n -> n.startsWith("/")));
    }

    public boolean contains(long address) {
        return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
    }

    /**
     * The symbol table, relocated: the loaded file's .symtab, else the debug file's, else
     * the loaded file's .dynsym (+ MiniDebugInfo); empty if no file was found.
     */
    public ElfSymbolTable symbols() { return symbols.get(); }

    private ElfSymbolTable loadSymbols() {
        Optional<ElfFile> loadedFile = loadedFile(), debugFile = debugFile();
        if (loadedFile.isPresent() && !loadedFile.get().symbols().isEmpty()) return symbols(loadedFile.get());
        if (debugFile.isPresent() && !debugFile.get().symbols().isEmpty()) return symbols(debugFile.get());
        if (loadedFile.isPresent()) return symbols(loadedFile.get());
        return debugFile.map(this::symbols).orElse(ElfSymbolTable.EMPTY);
    }

    private record SymbolsKey(long bias) {}

    /** The file's symbols at this module's bias: a function of the file and the bias, so kept on the file. */
    private ElfSymbolTable symbols(ElfFile f) {
        return f.derived(new SymbolsKey(bias), () -> ElfSymbolTable.of(f, bias));
    }

    @Override
    public String toString() {
        return String.format("Module[%s %s 0x%x-0x%x bias=0x%x build-id=%s]", kind, name, start, end, bias,
                buildId.map(BuildId::hex).orElse("none"));
    }
}
