package org.jdrgn.program.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.elf.ElfConstants;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.Lazy;
import org.jdrgn.error.DrgnException;

/**
 * Finds the debug .ko of a loaded kernel module: among the relocatable files given with -s
 * first, then (unless default symbols are off) under the release's debug trees
 * {@code <root>/usr/lib/debug/lib/modules/<release>/} and {@code <root>/lib/modules/<release>/}.
 * A file is the module's if its .modinfo name (else its file name, '-' read as '_') is the
 * module's name and, when both are known, its build ID is the one the kernel loaded.
 */
final class KernelModuleFiles {
    /** Bounds for the directory walk: deeper or bigger trees than any distribution ships. */
    private static final int MAX_DEPTH = 16, MAX_FILES = 200_000;

    private final List<ElfFile> userFiles;
    private final List<Path> trees;
    private final Consumer<String> warn;
    private final Lazy<Map<String, List<Path>>> byName;

    KernelModuleFiles(List<Path> symbolFiles, boolean defaultSymbols, Path root, String release, Consumer<String> warn) {
        List<ElfFile> user = new ArrayList<>();
        for (Path p : symbolFiles) open(p).filter(f -> f.type() == ElfConstants.ET_REL).ifPresent(user::add);
        this.userFiles = List.copyOf(user);
        this.trees = defaultSymbols
                ? List.of(root.resolve("usr/lib/debug/lib/modules").resolve(release), root.resolve("lib/modules").resolve(release))
                : List.of();
        this.warn = warn;
        this.byName = new Lazy<>(this::scan);
    }

    /** False if there is nowhere to look (no .ko given, no default search): the module list is then not walked. */
    boolean anywhere() { return !userFiles.isEmpty() || !trees.isEmpty(); }

    /** True if the release's trees are searched (so a module not found there is worth a warning). */
    boolean searchesDefault() { return !trees.isEmpty(); }

    /** The file for the module named {@code name} with build ID {@code buildId} (if the kernel told it). */
    Optional<ElfFile> find(String name, Optional<org.jdrgn.elf.BuildId> buildId) {
        for (ElfFile f : userFiles) {
            if (name.equals(moduleName(f)) && matches(f, buildId)) return Optional.of(f);
        }
        for (Path p : byName.get().getOrDefault(name, List.of())) {
            Optional<ElfFile> f = open(p);
            if (f.isPresent() && f.get().type() == ElfConstants.ET_REL && matches(f.get(), buildId)
                    && name.equals(moduleName(f.get()))) {
                return f;
            }
        }
        return Optional.empty();
    }

    private boolean matches(ElfFile f, Optional<org.jdrgn.elf.BuildId> loaded) {
        if (loaded.isEmpty() || f.buildId().isEmpty()) return true;
        if (f.buildId().equals(loaded)) return true;
        warn.accept("ignoring " + f.name() + ": build ID " + f.buildId().get() + ", the loaded module has " + loaded.get());
        return false;
    }

    /** The name the kernel gives the module: .modinfo's name=, else the file name. */
    static String moduleName(ElfFile f) {
        Optional<ByteSlice> info = f.sectionData(".modinfo");
        if (info.isPresent()) {
            ByteSlice d = info.get();
            for (long o = 0; o < d.size(); ) {
                int n = d.cstrlen(o);
                String entry = new String(d.bytes(o, n), StandardCharsets.UTF_8);
                if (entry.startsWith("name=")) return entry.substring(5);
                o += n + 1;
            }
        }
        return fileModuleName(f.name());
    }

    /** "drivers/misc/pvpanic/pvpanic-mmio.ko.debug" -> "pvpanic_mmio". */
    static String fileModuleName(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        int ko = base.indexOf(".ko");
        return (ko >= 0 ? base.substring(0, ko) : base).replace('-', '_');
    }

    private Map<String, List<Path>> scan() {
        Map<String, List<Path>> out = new HashMap<>();
        int[] seen = {0};
        for (Path tree : trees) {
            if (!Files.isDirectory(tree)) continue;
            try (Stream<Path> s = Files.walk(tree, MAX_DEPTH)) {
                s.limit(MAX_FILES).forEach(p -> {
                    seen[0]++;
                    String n = p.getFileName().toString();
                    if ((n.endsWith(".ko") || n.endsWith(".ko.debug")) && Files.isRegularFile(p)) {
                        out.computeIfAbsent(fileModuleName(n), k -> new ArrayList<>()).add(p);
                    }
                });
            } catch (IOException | java.io.UncheckedIOException e) {
                warn.accept("could not search " + tree + " for kernel modules: " + e.getMessage());
            }
        }
        return out;
    }

    private Optional<ElfFile> open(Path p) {
        try {
            return Optional.of(ElfFile.open(p));
        } catch (IOException | DrgnException e) {
            warn.accept(p + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
