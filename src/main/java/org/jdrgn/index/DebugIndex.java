package org.jdrgn.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.jdrgn.dwarf.DieRef;
import org.jdrgn.dwarf.Dwarf;
import org.jdrgn.dwarf.Unit;
import org.jdrgn.dwarf.VariableLocation;

/**
 * Name -> DIE tables over one or more files' DWARF, built in parallel across units. Files are
 * added incrementally (an executable, then shared libraries or kernel modules); each is walked
 * once. Lookups return {@link IndexEntry}s whose DIEs the caller decodes when needed.
 *
 * <p>Preference rules (drgn's): a complete type over a declaration; a definition over an
 * extern declaration; globals over file statics over function statics.
 */
public final class DebugIndex {
    /** One walked section: a file's .debug_info or .debug_types. */
    private record Source(Dwarf dwarf, boolean inTypes) {}

    private final List<Source> sources = new ArrayList<>();
    private final Map<Dwarf, Boolean> added = new HashMap<>();
    private final ConcurrentHashMap<String, long[]> names = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, long[]> enumerators = new ConcurrentHashMap<>();

    /**
     * Indexes {@code dwarf} (and its supplementary file, once) using all cores. Adding the same
     * file twice does nothing.
     */
    public synchronized IndexStats add(Dwarf dwarf) {
        long t0 = System.nanoTime();
        List<Unit> units = new ArrayList<>();
        List<Integer> unitSources = new ArrayList<>();
        for (Dwarf d = dwarf; d != null && !added.containsKey(d); d = d.sup()) {
            added.put(d, true);
            int info = register(new Source(d, false));
            int types = -1;
            for (Unit u : d.units()) {
                int src = info;
                if (u.header().inTypes()) {
                    if (types < 0) types = register(new Source(d, true));
                    src = types;
                }
                units.add(u);
                unitSources.add(src);
            }
        }
        // biggest units first so that the tail of the parallel loop is short
        Integer[] order = IntStream.range(0, units.size()).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, Comparator.comparingLong((Integer i) -> -size(units.get(i))));
        int chunks = Math.max(1, Math.min(units.size(), Runtime.getRuntime().availableProcessors() * 8));
        List<Batch> batches = IntStream.range(0, chunks).parallel().mapToObj(c -> {
            Batch b = new Batch();
            for (int k = c; k < order.length; k += chunks) {
                int i = order[k];
                UnitIndexer.index(units.get(i), unitSources.get(i), b);
            }
            return b;
        }).toList();
        long dies = 0, entries = 0;
        Map<String, LongList> mergedNames = new HashMap<>();
        Map<String, LongList> mergedEnums = new HashMap<>();
        for (Batch b : batches) {
            dies += b.dies;
            entries += b.entries;
            merge(b.names, mergedNames);
            merge(b.enumerators, mergedEnums);
        }
        publish(mergedNames, names);
        publish(mergedEnums, enumerators);
        return new IndexStats(units.size(), dies, entries, System.nanoTime() - t0);
    }

    /** Number of distinct names (all kinds, enumerators included). */
    public int nameCount() { return names.size() + enumerators.size(); }

    /** All indexed names (a snapshot; enumerators included). */
    public java.util.Set<String> names() {
        java.util.Set<String> s = new java.util.HashSet<>(names.keySet());
        s.addAll(enumerators.keySet());
        return s;
    }

    /** Every entry named {@code name} (enumerators included), in index order. */
    public List<IndexEntry> lookup(String name) {
        List<IndexEntry> out = new ArrayList<>();
        for (long e : names.getOrDefault(name, EMPTY)) out.add(decode(name, e));
        for (long e : enumerators.getOrDefault(name, EMPTY)) out.add(decodeEnumerator(name, e));
        return out;
    }

    /** Entries of the given kinds, in index order. */
    public List<IndexEntry> lookup(String name, Set<IndexKind> kinds) {
        List<IndexEntry> out = new ArrayList<>();
        for (long e : names.getOrDefault(name, EMPTY)) {
            if (kinds.contains(EntryCodec.kind(e))) out.add(decode(name, e));
        }
        if (kinds.contains(IndexKind.ENUMERATOR)) {
            for (long e : enumerators.getOrDefault(name, EMPTY)) out.add(decodeEnumerator(name, e));
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

    private static final long[] EMPTY = new long[0];

    private int register(Source s) {
        if (sources.size() >= EntryCodec.MAX_SOURCES) throw new IllegalStateException("too many debug files in one index");
        sources.add(s);
        return sources.size() - 1;
    }

    private IndexEntry decode(String name, long e) {
        Source s = sources.get(EntryCodec.source(e));
        long off = EntryCodec.offset(e);
        int f = EntryCodec.flags(e);
        return new IndexEntry(name, EntryCodec.kind(e), new DieRef(s.dwarf().unitAt(off, s.inTypes()), off),
                (f & EntryCodec.DECLARATION) != 0, (f & EntryCodec.EXTERNAL) != 0, (f & EntryCodec.TLS) != 0, -1);
    }

    private IndexEntry decodeEnumerator(String name, long e) {
        Source s = sources.get(EntryCodec.source(e));
        long off = EntryCodec.offset(e);
        return new IndexEntry(name, IndexKind.ENUMERATOR, new DieRef(s.dwarf().unitAt(off, s.inTypes()), off),
                false, false, false, EntryCodec.enumeratorIndex(e));
    }

    private static long size(Unit u) { return u.header().end() - u.header().offset(); }

    private static void merge(Map<String, LongList> from, Map<String, LongList> into) {
        for (Map.Entry<String, LongList> en : from.entrySet()) {
            LongList l = into.get(en.getKey());
            if (l == null) into.put(en.getKey(), en.getValue());
            else l.addAll(en.getValue().toArray());
        }
    }

    private static void publish(Map<String, LongList> merged, ConcurrentHashMap<String, long[]> into) {
        merged.forEach((k, v) -> into.merge(k, v.toArray(), (a, b) -> {
            long[] c = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, c, a.length, b.length);
            return c;
        }));
    }
}
