package org.jdrgn.program.userspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdrgn.elf.BuildId;
import org.jdrgn.elf.DebugLink;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.error.DrgnException;

/**
 * Finds the ELF file a module was loaded from and its separate debug file. User-given files
 * (-s) are matched by build ID and win over everything; unless default symbols are off, the
 * module's own path (if its build ID matches), the debug root's .build-id tree and
 * .gnu_debuglink (next to the file, in .debug/, under the debug root) are tried, in that order.
 */
public final class DebugFileFinder {
    public static final Path DEFAULT_DEBUG_ROOT = Path.of("/usr/lib/debug");

    private final List<ElfFile> userFiles;
    private final boolean defaultSymbols;
    private final Path debugRoot;
    private final Map<Path, Optional<ElfFile>> opened = new ConcurrentHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    public DebugFileFinder(List<Path> userFiles, boolean defaultSymbols, Path debugRoot) throws IOException {
        List<ElfFile> files = new ArrayList<>();
        for (Path p : userFiles) files.add(ElfFile.open(p)); // a bad -s file is the user's error: report it
        this.userFiles = List.copyOf(files);
        this.defaultSymbols = defaultSymbols;
        this.debugRoot = debugRoot;
    }

    public DebugFileFinder(List<Path> userFiles, boolean defaultSymbols) throws IOException {
        this(userFiles, defaultSymbols, DEFAULT_DEBUG_ROOT);
    }

    public List<ElfFile> userFiles() { return userFiles; }

    /** The file the module was loaded from (its program headers and sections match memory). */
    public Optional<ElfFile> findLoaded(String path, Optional<BuildId> id) {
        if (id.isPresent()) {
            for (ElfFile f : userFiles) if (f.buildId().equals(id) && !isDebugOnly(f)) return Optional.of(f);
        }
        if (!defaultSymbols) return Optional.empty();
        if (path != null && !path.isEmpty()) {
            Optional<ElfFile> f = open(Path.of(path));
            if (f.isPresent() && (id.isEmpty() || f.get().buildId().equals(id))) return f;
        }
        if (id.isPresent()) {
            Optional<ElfFile> f = open(debugRoot.resolve(id.get().buildIdPath()));
            if (f.isPresent() && f.get().buildId().equals(id)) return f;
        }
        return Optional.empty();
    }

    /** The file with DWARF for the module: user file, build-ID tree, the loaded file, .gnu_debuglink. */
    public Optional<ElfFile> findDebug(Optional<ElfFile> loaded, Optional<BuildId> id) {
        if (id.isPresent()) {
            for (ElfFile f : userFiles) if (f.buildId().equals(id) && f.hasDebugInfo()) return Optional.of(f);
        }
        if (!defaultSymbols) return Optional.empty();
        if (id.isPresent()) {
            Optional<ElfFile> f = open(debugRoot.resolve(id.get().buildIdPath() + ".debug"));
            if (f.isPresent() && f.get().buildId().equals(id)) return f;
        }
        if (loaded.isEmpty()) return Optional.empty();
        if (loaded.get().hasDebugInfo()) return loaded;
        return byDebugLink(loaded.get());
    }

    private Optional<ElfFile> byDebugLink(ElfFile loaded) {
        Optional<DebugLink> link = loaded.debugLink();
        Optional<Path> path = loaded.path();
        if (link.isEmpty() || path.isEmpty()) return Optional.empty();
        Path dir = path.get().toAbsolutePath().getParent();
        List<Path> candidates = List.of(dir.resolve(link.get().name()), dir.resolve(".debug").resolve(link.get().name()),
                debugRoot.resolve(dir.toString().substring(1)).resolve(link.get().name()));
        for (Path c : candidates) {
            if (c.equals(path.get())) continue;
            Optional<ElfFile> f = open(c);
            if (f.isPresent() && f.get().crc32() == link.get().crc32()) return f;
        }
        return Optional.empty();
    }

    /** Files whose code sections are NOBITS (separate debug files) cannot back memory reads. */
    private static boolean isDebugOnly(ElfFile f) {
        return f.section(".text").map(s -> !s.hasData()).orElse(false);
    }

    private Optional<ElfFile> open(Path p) {
        return opened.computeIfAbsent(p, q -> {
            if (!Files.isRegularFile(q)) return Optional.empty();
            try {
                return Optional.of(ElfFile.open(q));
            } catch (IOException | DrgnException e) {
                synchronized (warnings) { warnings.add(q + ": " + e.getMessage()); }
                return Optional.empty();
            }
        });
    }

    /** Files that were tried but could not be read, for the caller's warnings. */
    public List<String> warnings() {
        synchronized (warnings) { return List.copyOf(warnings); }
    }
}
