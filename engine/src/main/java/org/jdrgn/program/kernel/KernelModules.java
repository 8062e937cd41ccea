package org.jdrgn.program.kernel;

import org.jdrgn.program.Module;
import org.jdrgn.program.ObjectFinder;
import org.jdrgn.program.Program;
import org.jdrgn.program.ProgramObjectContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.ElfRelocator;
import org.jdrgn.elf.Lazy;
import org.jdrgn.error.DrgnException;
import org.jdrgn.linux.KernelModuleWalk;
import org.jdrgn.linux.KernelObjects;
import org.jdrgn.linux.LoadedKernelModule;

/**
 * The loaded kernel modules of a dump as {@link Module}s: found by walking the kernel's module
 * list, each given its debug .ko ({@link KernelModuleFiles}) relocated to the addresses the
 * kernel gave its sections ({@link ElfRelocator}), so its bias is 0. The relocation is done
 * on first use of the module's files. A failure is a warning: the kernel keeps working
 * without that module's (or any module's) debug info, as in drgn.
 */
final class KernelModules {
    private KernelModules() {}

    /**
     * The kernel as the module walk sees it: the program's objects, but an object context of
     * its own. The walk runs inside the first debug-info lookup, which may itself be computing
     * an entry of the program context's caches (a primitive type): sharing them could
     * recurse into the same cache entry, or deadlock with another thread's lookup.
     */
    static KernelObjects walkView(Program prog) {
        ProgramObjectContext ctx = new ProgramObjectContext(prog);
        return new KernelObjects() {
            @Override public org.jdrgn.objects.ObjectContext context() { return ctx; }

            @Override public org.jdrgn.objects.DrgnObject object(String name) {
                return prog.object(name, ObjectFinder.ANY, null);
            }
        };
    }

    static List<Module> find(KernelObjects kernel, KernelModuleFiles files, Consumer<String> warn) {
        List<LoadedKernelModule> loaded;
        try {
            loaded = KernelModuleWalk.all(kernel);
        } catch (DrgnException e) {
            warn.accept("could not find loaded kernel modules: " + e.getMessage());
            return List.of();
        } catch (RuntimeException e) { // a bug must not take vmlinux's debug info down with it
            warn.accept("could not find loaded kernel modules: " + e);
            return List.of();
        }
        List<Module> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (LoadedKernelModule m : loaded) {
            Optional<ElfFile> ko = files.find(m.name(), m.buildId());
            if (ko.isEmpty()) missing.add(m.name());
            Lazy<Optional<ElfFile>> placed = new Lazy<>(() -> ko.flatMap(f -> place(m, f, warn)));
            out.add(Module.kernelModule(m, placed));
        }
        if (!missing.isEmpty() && files.searchesDefault()) warn.accept("missing debugging symbols for kernel modules: " + String.join(", ", missing));
        return out;
    }

    /** The .ko with each section at its loaded address (sections the kernel did not list at 0). */
    static Optional<ElfFile> place(LoadedKernelModule m, ElfFile ko, Consumer<String> warn) {
        try {
            // shared with later Programs that find the module at the same addresses
            return Optional.of(ElfRelocator.placeShared(ko, s -> m.sectionAddresses().getOrDefault(s.name(), 0L)));
        } catch (DrgnException e) {
            warn.accept("kernel module " + m.name() + ": cannot use " + ko.name() + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
