package org.jdrgn.index;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.dwarf.DieScanner;

/**
 * What one worker collected from its share of the units: names as (string section, offset,
 * length, hash) without decoding them, and (name id, entry) pairs. Merged by {@link TableBuilder}.
 */
final class Batch {
    /** Space of names that were decoded to a String (strx, names borrowed from a declaration). */
    private static final int SPACE_HEAP = 7;

    private final StringCache ids = new StringCache();
    private final Map<String, Integer> decoded = new HashMap<>();
    private final Map<Integer, MemorySegment> spaces = new HashMap<>();
    private MemorySegment heap = MemorySegment.ofArray(new byte[4096]);
    private long heapUsed;
    // per local name id
    private long[] where = new long[1024]; // space key << 48 | offset
    private int[] lengths = new int[1024];
    private int[] hashes = new int[1024];
    private int names;
    // per entry: the entry and (name id << 1 | 1 if an enumerator)
    private long[] entries = new long[4096];
    private int[] refs = new int[4096];
    private int count;
    long dies;

    /**
     * The id of the current DIE's DW_AT_name, or -1 if it has none. {@code file} tells apart
     * the string sections of several files indexed together (a file and its supplementary file).
     */
    int nameId(DieScanner s, int file) {
        long loc = s.nameLocation();
        if (loc == DieScanner.NO_NAME) return -1;
        if (loc == DieScanner.NAME_ELSEWHERE) return nameId(s.name());
        int space = (int) (loc >>> 56);
        long off = loc & ((1L << 48) - 1);
        if (off != (loc & ((1L << 56) - 1))) return nameId(s.name());
        int spaceKey = file << 3 | space;
        long key = (long) spaceKey << 48 | off;
        int id = ids.get(key);
        if (id >= 0) return id;
        MemorySegment seg = spaces.get(spaceKey);
        if (seg == null) {
            seg = s.stringSpace(space).segment();
            spaces.put(spaceKey, seg);
        }
        id = newName(key, seg, off, s.stringSpace(space));
        ids.put(key, id);
        return id;
    }

    /** The id of a decoded name; -1 for null. */
    int nameId(String name) {
        if (name == null) return -1;
        Integer known = decoded.get(name);
        if (known != null) return known;
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        while (heapUsed + b.length > heap.byteSize()) heap = grow(heap);
        MemorySegment.copy(MemorySegment.ofArray(b), 0, heap, heapUsed, b.length);
        int id = add(SPACE_HEAP, heapUsed, b.length, NameHash.of(b));
        heapUsed += b.length;
        decoded.put(name, id);
        return id;
    }

    void add(int nameId, long entry) { append(nameId << 1, entry); }

    void addEnumerator(int nameId, long entry) { append(nameId << 1 | 1, entry); }

    int names() { return names; }

    int hash(int id) { return hashes[id]; }

    int length(int id) { return lengths[id]; }

    /** The segment holding name {@code id}'s bytes. */
    MemorySegment segment(int id) {
        int spaceKey = (int) (where[id] >>> 48);
        return spaceKey == SPACE_HEAP ? heap : spaces.get(spaceKey);
    }

    long offset(int id) { return where[id] & ((1L << 48) - 1); }

    int count() { return count; }

    long entry(int i) { return entries[i]; }

    int ref(int i) { return refs[i]; }

    private int newName(long key, MemorySegment seg, long off, ByteSlice what) {
        // bounded by the section end
        long size = seg.byteSize();
        long p = off;
        if (p < 0 || p >= size) throw new FormatException(what.what(), off, "name string offset out of range");
        while (seg.get(ValueLayout.JAVA_BYTE, p) != 0) {
            if (++p == size) throw new FormatException(what.what(), off, "unterminated name string");
        }
        int len = (int) Math.min(Integer.MAX_VALUE, p - off);
        return add((int) (key >>> 48), off, len, NameHash.of(seg, off, len));
    }

    private int add(int spaceKey, long off, int len, int hash) {
        if (names == where.length) {
            where = Arrays.copyOf(where, names * 2);
            lengths = Arrays.copyOf(lengths, names * 2);
            hashes = Arrays.copyOf(hashes, names * 2);
        }
        where[names] = (long) spaceKey << 48 | off;
        lengths[names] = len;
        hashes[names] = hash;
        return names++;
    }

    private void append(int ref, long entry) {
        if (count == entries.length) {
            entries = Arrays.copyOf(entries, count * 2);
            refs = Arrays.copyOf(refs, count * 2);
        }
        entries[count] = entry;
        refs[count++] = ref;
    }

    private static MemorySegment grow(MemorySegment s) {
        byte[] b = new byte[(int) Math.min(Integer.MAX_VALUE - 8, s.byteSize() * 2)];
        MemorySegment n = MemorySegment.ofArray(b);
        MemorySegment.copy(s, 0, n, 0, s.byteSize());
        return n;
    }
}
