package org.jdrgn.program;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdrgn.dwarf.Dwarf;
import org.jdrgn.dwarf.DwarfSections;
import org.jdrgn.dwarf.DwarfTypes;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.error.DrgnException;
import org.jdrgn.index.DebugIndex;
import org.jdrgn.index.IndexEntry;
import org.jdrgn.index.IndexKind;
import org.jdrgn.types.BoolType;
import org.jdrgn.types.FloatType;
import org.jdrgn.types.IntType;
import org.jdrgn.types.Type;
import org.jdrgn.types.TypeFinder;
import org.jdrgn.types.TypeKind;

/**
 * The DWARF of a program's modules: one name index over all of them (main executable first),
 * built on first use so that opening a dump stays cheap, and the types converted from it.
 * Late modules (a kernel's, found by walking its module list with vmlinux's types) are added
 * to the same index once known; the walk itself sees the first modules only.
 */
public final class DebugInfo implements TypeFinder {
    private final List<Module> modules;
    private final java.util.function.Supplier<Optional<List<Module>>> late;
    private final Consumer<String> warn;
    private volatile Loaded loaded;

    /**
     * The index, the type converter, base types by drgn's canonical name ("unsigned long"),
     * the module of each indexed file, and whether the late modules are in.
     */
    private record Loaded(DebugIndex index, DwarfTypes types, Map<String, Type> baseTypes, Map<Dwarf, Module> owners,
                          List<Module> modules, boolean complete) {}

    public DebugInfo(List<Module> modules, Consumer<String> warn) {
        this(modules, null, warn);
    }

    /**
     * @param late the modules found later ({@link LoadedModules#lateModules()}): empty while
     *             the calling thread is the one finding them; null if there are none
     */
    public DebugInfo(List<Module> modules, java.util.function.Supplier<Optional<List<Module>>> late, Consumer<String> warn) {
        this.modules = List.copyOf(modules);
        this.late = late;
        this.warn = warn;
    }

    private Loaded loaded() {
        Loaded l = loaded;
        if (l != null && l.complete()) return l;
        l = first();
        if (l.complete()) return l;
        // Asked outside this object's lock: finding the late modules reads objects, which
        // come back here (and get the first modules' answers) on the finding thread.
        Optional<List<Module>> more = late.get();
        if (more.isEmpty()) return l;
        synchronized (this) {
            if (!loaded.complete()) loaded = addLate(loaded, more.get());
            return loaded;
        }
    }

    private synchronized Loaded first() {
        if (loaded == null) loaded = load();
        return loaded;
    }

    private Loaded addLate(Loaded l, List<Module> more) {
        Map<Dwarf, Module> owners = new java.util.IdentityHashMap<>(l.owners());
        index(l.index(), more, owners);
        List<Module> all = new ArrayList<>(l.modules());
        all.addAll(more);
        return new Loaded(l.index(), l.types(), l.baseTypes(), owners, List.copyOf(all), true);
    }

    private void index(DebugIndex index, List<Module> list, Map<Dwarf, Module> owners) {
        for (Module m : list) {
            Optional<ElfFile> file = m.debugFile().or(m::loadedFile).filter(ElfFile::hasDebugInfo);
            if (file.isEmpty()) continue;
            try {
                Dwarf dwarf = FileDwarf.of(file.get());      // shared with the unwinder and later Programs
                index.add(dwarf, file.get());        // reads/writes the on-disk index cache by build-id
                owners.putIfAbsent(dwarf, m);     // a file shared by two modules: indexed once, for the first
            } catch (DrgnException e) {
                warn.accept(m.name() + ": bad debug info, skipped: " + e.getMessage());
            }
        }
    }

    private Loaded load() {
        DebugIndex index = new DebugIndex();
        Map<Dwarf, Module> owners = new java.util.IdentityHashMap<>();
        index(index, modules, owners);
        DwarfTypes types = new DwarfTypes(index.definitions());
        return new Loaded(index, types, baseTypes(index, types), owners, modules, late == null);
    }

    public static DwarfSections sections(ElfFile elf) {
        return sections(elf, supplementary(elf).orElse(null));
    }

    static DwarfSections sections(ElfFile elf, ElfFile alt) {
        DwarfSections sup = alt == null ? null : DwarfSections.of(name -> alt.sectionData(name).orElse(null), null);
        return DwarfSections.of(name -> elf.sectionData(name).orElse(null), sup);
    }

    /**
     * The dwz supplementary file named by .gnu_debugaltlink: at its path (absolute, or relative
     * to the file), else by build-id under /usr/lib/debug/.build-id; used only if the build-id
     * matches. A missing one leaves the file's own DWARF (its references into it then fail
     * with a FormatException naming the offset).
     */
    static Optional<ElfFile> supplementary(ElfFile elf) {
        return elf.debugAltLink().flatMap(link -> {
            List<java.nio.file.Path> candidates = new ArrayList<>();
            java.nio.file.Path p = java.nio.file.Path.of(link.path());
            candidates.add(p);
            elf.path().map(java.nio.file.Path::getParent).ifPresent(dir -> candidates.add(dir.resolve(p)));
            String hex = link.buildId().hex();
            candidates.add(java.nio.file.Path.of("/usr/lib/debug/.build-id", hex.substring(0, 2), hex.substring(2) + ".debug"));
            for (java.nio.file.Path c : candidates) {
                try {
                    if (!java.nio.file.Files.isRegularFile(c)) continue;
                    ElfFile f = ElfFile.open(c);
                    if (f.buildId().filter(link.buildId()::equals).isPresent()) return Optional.of(f);
                } catch (java.io.IOException | DrgnException e) {
                    // not it: try the next candidate
                }
            }
            return Optional.empty();
        });
    }

    /** DWARF names base types as the compiler spells them ("long unsigned int"); drgn asks canonically. */
    private static Map<String, Type> baseTypes(DebugIndex index, DwarfTypes types) {
        Map<String, Type> out = new HashMap<>();
        for (String name : index.names(java.util.EnumSet.of(IndexKind.BASE_TYPE))) {
            for (IndexEntry e : index.lookup(name, java.util.EnumSet.of(IndexKind.BASE_TYPE))) {
                Type t = types.type(e.die().die());
                String canonical = switch (t) {
                    case IntType i -> i.name();
                    case BoolType b -> b.name();
                    case FloatType f -> f.name();
                    default -> null;
                };
                if (canonical != null) {
                    out.putIfAbsent(canonical, t);
                    break;       // every unit repeats the same base types: one DIE per name (not ~2000 units' abbrevs)
                }
            }
        }
        return out;
    }

    public DebugIndex index() { return loaded().index(); }

    public DwarfTypes types() { return loaded().types(); }

    /** The module whose debug file holds this DWARF (for its load bias). */
    public Optional<Module> moduleOf(Dwarf dwarf) { return Optional.ofNullable(loaded().owners().get(dwarf)); }

    @Override
    public Type find(TypeKind kind, String name, String filename) {
        Loaded l = loaded();
        IndexKind k = switch (kind) {
            case STRUCT -> IndexKind.STRUCT;
            case UNION -> IndexKind.UNION;
            case CLASS -> IndexKind.CLASS;
            case ENUM -> IndexKind.ENUM;
            case TYPEDEF -> IndexKind.TYPEDEF;
            case INT, BOOL, FLOAT -> IndexKind.BASE_TYPE;
            default -> null;
        };
        if (k == null) return null;
        if (k == IndexKind.BASE_TYPE) {
            Type t = l.baseTypes().get(name);
            return t != null && t.kind() == kind ? t : null;
        }
        // drgn 0.0.22 answers a lookup only with a complete definition when one exists anywhere.
        return l.index().findType(k, name, filename).map(e -> l.types().type(e.die().die())).orElse(null);
    }

    /** Modules whose debug info was indexed (for messages). */
    public List<String> indexedModules() {
        List<String> out = new ArrayList<>();
        for (Module m : loaded().modules()) if (m.debugFile().or(m::loadedFile).filter(ElfFile::hasDebugInfo).isPresent()) out.add(m.name());
        return out;
    }
}
