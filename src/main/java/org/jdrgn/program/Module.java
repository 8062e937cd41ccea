package org.jdrgn.program;

import java.util.Optional;
import org.jdrgn.elf.BuildId;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.ElfSymbolTable;
import org.jdrgn.elf.Lazy;

/**
 * A loaded ELF image of the program (main executable, shared library, vDSO): where it is,
 * how far it was moved from its link-time addresses ({@code bias}), its build ID, and the
 * files found for it. A module whose files were not found is still listed, so that errors
 * can name its build ID.
 */
public final class Module {
    public enum Kind { MAIN, SHARED_LIBRARY, VDSO }

    private final String name;
    private final Kind kind;
    private final long start, end, bias;
    private final Optional<BuildId> buildId;
    private final Optional<ElfFile> loadedFile;
    private final Optional<ElfFile> debugFile;
    private final Lazy<ElfSymbolTable> symbols;

    public Module(String name, Kind kind, long start, long end, long bias, Optional<BuildId> buildId,
                  Optional<ElfFile> loadedFile, Optional<ElfFile> debugFile) {
        this.name = name;
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.bias = bias;
        this.buildId = buildId;
        this.loadedFile = loadedFile;
        this.debugFile = debugFile;
        this.symbols = new Lazy<>(this::loadSymbols);
    }

    /** The path the process mapped (NT_FILE / link_map), or "[vdso]". */
    public String name() { return name; }

    public Kind kind() { return kind; }

    /** [start, end): the address range of its PT_LOAD segments. */
    public long start() { return start; }

    public long end() { return end; }

    /** Load address minus link-time address (0 for non-PIE executables). */
    public long bias() { return bias; }

    public Optional<BuildId> buildId() { return buildId; }

    /** The ELF file matching what was loaded (for symbols and unsaved read-only memory). */
    public Optional<ElfFile> loadedFile() { return loadedFile; }

    /** The ELF file with DWARF for this module, if any. */
    public Optional<ElfFile> debugFile() { return debugFile; }

    public boolean contains(long address) {
        return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
    }

    /**
     * The symbol table, relocated: the loaded file's .symtab, else the debug file's, else
     * the loaded file's .dynsym (+ MiniDebugInfo); empty if no file was found.
     */
    public ElfSymbolTable symbols() { return symbols.get(); }

    private ElfSymbolTable loadSymbols() {
        if (loadedFile.isPresent() && !loadedFile.get().symbols().isEmpty()) return ElfSymbolTable.of(loadedFile.get(), bias);
        if (debugFile.isPresent() && !debugFile.get().symbols().isEmpty()) return ElfSymbolTable.of(debugFile.get(), bias);
        if (loadedFile.isPresent()) return ElfSymbolTable.of(loadedFile.get(), bias);
        return debugFile.map(f -> ElfSymbolTable.of(f, bias)).orElse(ElfSymbolTable.EMPTY);
    }

    @Override
    public String toString() {
        return String.format("Module[%s %s 0x%x-0x%x bias=0x%x build-id=%s]", kind, name, start, end, bias,
                buildId.map(BuildId::hex).orElse("none"));
    }
}
