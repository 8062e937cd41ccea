package org.jdrgn.index;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdrgn.dwarf.Dwarf;
import org.jdrgn.dwarf.Unit;
import org.jdrgn.dwarf.VariableLocation;
import org.jdrgn.elf.ElfFile;

/**
 * Name -> DIE tables over one or more files' DWARF, built in parallel across units. Files are
 * added incrementally (an executable, then shared libraries or kernel modules); each is walked
 * once, or not at all when its table is in the {@link IndexCache}. Lookups return
 * {@link IndexEntry}s whose DIEs the caller decodes when needed; a name's entries come in file
 * order, then DIE offset order, whether built or loaded.
 *
 * <p>Preference rules (drgn's): a complete type over a declaration; a definition over an
 * extern declaration; globals over file statics over function statics.
 */
public final class DebugIndex {
    private static final int ENUM_BIT = 1 << IndexKind.ENUMERATOR.ordinal();

    private final IndexCache cache;
    private final Set<Dwarf> added = Collections.newSetFromMap(new IdentityHashMap<>());
    private volatile List<Segment> segments = List.of();

    /** An index whose {@link #add(Dwarf, ElfFile)} uses the cache the system properties name. */
    public DebugIndex() { this(IndexCache.fromSystemProperties()); }

    public DebugIndex(IndexCache cache) { this.cache = cache; }

    /**
     * Indexes {@code dwarf} (and its supplementary file, once) using all cores. Adding the same
     * file twice does nothing. Never uses the cache: see {@link #add(Dwarf, ElfFile)}.
     */
    public IndexStats add(Dwarf dwarf) { return add(dwarf, null); }

    /**
     * Like {@link #add(Dwarf)}, for {@code dwarf} read from {@code file} (or null): if the file
     * has a build-id, its table is read from the cache when there, else built and written there.
     */
    public synchronized IndexStats add(Dwarf dwarf, ElfFile file) {
        long t0 = System.nanoTime();
        List<Dwarf> files = new ArrayList<>();
        for (Dwarf d = dwarf; d != null && !added.contains(d) && files.size() < 64; d = d.sup()) files.add(d);
        if (files.isEmpty()) return new IndexStats(0, 0, 0, System.nanoTime() - t0, false);
        int sources = 2 * files.size();
        // a table covering exactly one file depends on that file only: it can be cached
        CacheKey key = file != null && files.size() == 1 ? cache.keyFor(file).orElse(null) : null;
        NameTable table = key == null ? null : cache.loadShared(file, key, sources);
        IndexStats stats;
        if (table != null) {
            stats = new IndexStats(dwarf.units().size(), 0, table.entryCount(), System.nanoTime() - t0, true);
        } else if (file != null && files.size() == 1 && file.path().isEmpty()) {
            // no file on disk (a kernel module's relocated copy, shared by Programs over one dump):
            // no disk cache, so the built table is kept on the file itself
            long[] walked = {-1};
            table = file.derived(new BuiltTable(sources), () -> {
                List<Batch> batches = ParallelWalk.walk(files);
                walked[0] = 0;
                for (Batch b : batches) walked[0] += b.dies;
                return NameTable.of(TableBuilder.build(batches, sources));
            });
            boolean shared = walked[0] < 0;
            stats = new IndexStats(dwarf.units().size(), shared ? 0 : walked[0], table.entryCount(), System.nanoTime() - t0, shared);
        } else {
            List<Batch> batches = ParallelWalk.walk(files);
            var image = TableBuilder.build(batches, sources);
            if (key != null) cache.store(key, image);
            table = NameTable.of(image);
            long dies = 0;
            for (Batch b : batches) dies += b.dies;
            int units = 0;
            for (Dwarf d : files) units += d.units().size();
            stats = new IndexStats(units, dies, table.entryCount(), System.nanoTime() - t0, false);
        }
        added.addAll(files);
        List<Segment> next = new ArrayList<>(segments);
        next.add(new Segment(List.copyOf(files), table));
        segments = List.copyOf(next);
        return stats;
    }

    /** Key of a table built for a file with no path, kept on that file. */
    private record BuiltTable(int sources) {}

    /** Number of distinct names (all kinds, enumerators included). */
    public int nameCount() {
        List<Segment> segs = segments;
        return segs.size() == 1 ? segs.get(0).table().count() : names().size();
    }

    /** All indexed names (a snapshot; enumerators included). */
    public Set<String> names() { return names(EnumSet.allOf(IndexKind.class)); }

    /** The names that have an entry of one of {@code kinds} (a snapshot; cheap: kinds are kept per name). */
    public Set<String> names(Set<IndexKind> kinds) {
        int mask = mask(kinds);
        Set<String> out = new HashSet<>();
        for (Segment s : segments) {
            NameTable t = s.table();
            for (int r = 0; r < t.count(); r++) if ((t.kinds(r) & mask) != 0) out.add(t.name(r));
        }
        return out;
    }

    /** Every entry named {@code name} (enumerators included), in index order. */
    public List<IndexEntry> lookup(String name) { return lookup(name, EnumSet.allOf(IndexKind.class)); }

    /** Entries of the given kinds, in index order: all files' non-enumerators, then enumerators. */
    public List<IndexEntry> lookup(String name, Set<IndexKind> kinds) {
        List<IndexEntry> out = new ArrayList<>();
        int mask = mask(kinds);
        List<Segment> segs = segments;
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        int[] found = new int[segs.size()];
        for (int i = 0; i < found.length; i++) {
            Segment s = segs.get(i);
            NameTable t = s.table();
            int r = found[i] = t.find(utf8);
            if (r < 0 || (t.kinds(r) & mask & ~ENUM_BIT) == 0) continue;
            long first = t.first(r);
            for (long k = first, end = first + t.nonEnumerators(r); k < end; k++) {
                long e = t.entry(k);
                if (kinds.contains(EntryCodec.kind(e))) out.add(s.decode(name, e));
            }
        }
        if ((mask & ENUM_BIT) != 0) {
            for (int i = 0; i < found.length; i++) {
                int r = found[i];
                if (r < 0) continue;
                NameTable t = segs.get(i).table();
                long first = t.first(r) + t.nonEnumerators(r);
                for (long k = first, end = first + t.enumerators(r); k < end; k++) out.add(segs.get(i).decodeEnumerator(name, t.entry(k)));
            }
        }
        return out;
    }

    /**
     * A type by kind (STRUCT, UNION, CLASS, ENUM, TYPEDEF, BASE_TYPE) and name, optionally only
     * from units matching {@code filename}: a complete definition if there is one, else a
     * declaration.
     */
    public Optional<IndexEntry> findType(IndexKind kind, String name, String filename) {
        if (!kind.isType()) throw new IllegalArgumentException("not a type kind: " + kind);
        IndexEntry decl = null;
        for (IndexEntry e : lookup(name, EnumSet.of(kind))) {
            if (!matches(e, filename)) continue;
            if (!e.declaration()) return Optional.of(e);
            if (decl == null) decl = e;
        }
        return Optional.ofNullable(decl);
    }

    /** The complete definition of a type that {@code declaration} only declares, searching all files. */
    public Optional<IndexEntry> findDefinition(IndexKind kind, String name) {
        for (IndexEntry e : lookup(name, EnumSet.of(kind))) if (!e.declaration()) return Optional.of(e);
        return Optional.empty();
    }

    /** For {@link org.jdrgn.dwarf.DwarfTypes}: a declaration DIE's complete definition by name, or null. */
    public java.util.function.Function<org.jdrgn.dwarf.Die, org.jdrgn.dwarf.Die> definitions() {
        return decl -> {
            IndexKind k = IndexKind.ofTag(decl.tag());
            String n = decl.name();
            if (k == null || !k.isType() || n == null) return null;
            return findDefinition(k, n).map(e -> e.die().die()).orElse(null);
        };
    }

    /**
     * A variable, function or enumerator by name, optionally only from units matching
     * {@code filename}. Order: global definitions, file-static definitions, function statics,
     * enumerators, then declarations.
     */
    public Optional<IndexEntry> findObject(String name, String filename, Set<IndexKind> kinds) {
        return lookup(name, kinds).stream().filter(e -> matches(e, filename))
                .min(Comparator.comparingInt(DebugIndex::objectRank));
    }

    /** All file-static definitions (not external) of a variable or function, so a caller can choose by file. */
    public List<IndexEntry> statics(String name) {
        return lookup(name, EnumSet.of(IndexKind.VARIABLE, IndexKind.FUNCTION, IndexKind.FUNCTION_STATIC)).stream()
                .filter(e -> !e.external() && !e.declaration()).toList();
    }

    /** The simple location of a variable entry (address, TLS offset); null if it has none or needs evaluation. */
    public static VariableLocation location(IndexEntry e) {
        return VariableLocation.of(e.die().die());
    }

    private static int objectRank(IndexEntry e) {
        if (e.declaration()) return 10;
        return switch (e.kind()) {
            case VARIABLE, FUNCTION -> e.external() ? 0 : 1;
            case FUNCTION_STATIC -> 2;
            case ENUMERATOR -> 3;
            default -> 5;
        };
    }

    private static boolean matches(IndexEntry e, String filename) {
        if (filename == null) return true;
        Unit u = e.die().unit();
        return SourcePaths.matches(u.name(), u.compDir(), filename);
    }

    /** The tables added so far, in order (for the cache bench and tests). */
    List<Segment> segments() { return segments; }

    private static int mask(Set<IndexKind> kinds) {
        int m = 0;
        for (IndexKind k : kinds) m |= 1 << k.ordinal();
        return m;
    }
}
