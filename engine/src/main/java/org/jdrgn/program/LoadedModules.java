package org.jdrgn.program;

import org.jdrgn.elf.SymbolBinding;
import org.jdrgn.elf.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.core.MappedFileSource;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.ElfSymbolTable;

/**
 * The modules of a program (main executable first, then by address) and symbol lookups over
 * them. A kernel's modules are found late, on first use, by walking its module list: that
 * walk needs vmlinux's types, so while it runs the same thread sees only the modules known
 * up front (vmlinux), and other threads wait for it.
 */
public final class LoadedModules {
    private final List<Module> initial;
    private final Supplier<List<Module>> late;
    private volatile List<Module> all;
    private Thread finding;

    public LoadedModules(List<Module> modules) {
        this(modules, null);
    }

    /** @param late modules found on first use (kernel modules), appended after {@code modules}; null if none */
    public LoadedModules(List<Module> modules, Supplier<List<Module>> late) {
        this.initial = List.copyOf(modules);
        this.late = late;
        this.all = late == null ? initial : null;
    }

    /** Every module: the initial ones, then the late ones (found now if not yet). */
    public List<Module> modules() {
        List<Module> m = all;
        return m != null ? m : findLate().orElse(initial);
    }

    /** The late modules alone, found now if not yet; empty while this thread is finding them. */
    public Optional<List<Module>> lateModules() {
        return findLate().map(m -> m.subList(initial.size(), m.size()));
    }

    private synchronized Optional<List<Module>> findLate() {
        if (all != null) return Optional.of(all);
        if (finding == Thread.currentThread()) return Optional.empty(); // re-entered from the walk itself
        finding = Thread.currentThread();
        try {
            List<Module> out = new ArrayList<>(initial);
            out.addAll(late.get());
            all = List.copyOf(out);
        } finally {
            finding = null;
        }
        return Optional.of(all);
    }

    /** The main executable or vmlinux (known up front: never waits for kernel modules). */
    public Optional<Module> main() {
        return initial.stream().filter(m -> m.kind() == Module.Kind.MAIN).findFirst();
    }

    public Optional<Module> forAddress(long address) {
        for (Module m : modules()) if (m.contains(address)) return Optional.of(m);
        return Optional.empty();
    }

    /** drgn's prog.symbol(address): the symbol of the module containing the address. */
    public Optional<Symbol> symbolAt(long address) {
        return forAddress(address).flatMap(m -> m.symbols().lookup(address));
    }

    /** drgn's prog.symbol(name): global beats weak beats local; the first module wins a tie. */
    public Optional<Symbol> symbolNamed(String name) {
        List<Symbol> all = new ArrayList<>();
        for (Module m : modules()) {
            Optional<Symbol> s = m.symbols().lookup(name);
            if (s.isPresent() && s.get().binding() == SymbolBinding.GLOBAL) return s;
            s.ifPresent(all::add);
        }
        return ElfSymbolTable.best(all);
    }

    /** prog.symbols(). */
    /** drgn's prog.symbols(x): null for all, a Long for those containing it, a String for those named so. */
    public List<Symbol> symbols(Object addressOrName) {
        return switch (addressOrName) {
            case null -> symbols();
            case Long address -> symbols(address.longValue());
            case String name -> symbols(name);
            default -> throw new IllegalArgumentException("symbols(" + addressOrName + ")");
        };
    }

    public List<Symbol> symbols() {
        List<Symbol> out = new ArrayList<>();
        for (Module m : modules()) out.addAll(m.symbols().all());
        return out;
    }

    /** prog.symbols(name). */
    public List<Symbol> symbols(String name) {
        List<Symbol> out = new ArrayList<>();
        for (Module m : modules()) out.addAll(m.symbols().byName(name));
        return out;
    }

    /** prog.symbols(address): sized symbols containing it. */
    public List<Symbol> symbols(long address) {
        return forAddress(address).map(m -> m.symbols().containing(address)).orElse(List.of());
    }

    /**
     * Contents of the files named in NT_FILE, for memory the core did not save: only files
     * whose build ID matched what was loaded (a changed file on disk must not be read).
     */
    public MappedFileSource fileSource() {
        return path -> {
            for (Module m : modules()) {
                if (m.name().equals(path) && m.loadedFile().isPresent() && m.buildId().isPresent()) {
                    return Optional.of(m.loadedFile().get().data());
                }
            }
            return Optional.<ByteSlice>empty();
        };
    }

    /** Modules whose loaded file was not found, with their build IDs, for warnings. */
    public List<Module> missing() {
        return modules().stream().filter(m -> m.loadedFile().isEmpty()).toList();
    }

    public List<ElfFile> debugFiles() {
        return modules().stream().flatMap(m -> m.debugFile().stream()).distinct().toList();
    }
}
