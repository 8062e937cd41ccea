package org.jdrgn.index;

import static org.jdrgn.index.TableLayout.*;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.List;

/**
 * Merges the workers' {@link Batch}es into one table image: names deduplicated by content,
 * each name's entries sorted by (source, DIE offset) so that the result does not depend on
 * how units were shared among threads, and is the same whether built or loaded from a cache.
 */
final class TableBuilder {
    private TableBuilder() {}

    /** The image (its guard fields are zero: {@link IndexCache#store} fills them in the file). */
    static MemorySegment build(List<Batch> batches, int sources) {
        int bound = 0;
        for (Batch b : batches) bound += b.names();
        Names g = new Names(bound);
        int[][] global = new int[batches.size()][];
        for (int w = 0; w < batches.size(); w++) {
            Batch b = batches.get(w);
            int[] map = global[w] = new int[b.names()];
            for (int id = 0; id < map.length; id++) map[id] = g.intern(b.segment(id), b.offset(id), b.length(id), b.hash(id));
        }
        int n = g.count;
        int[] plain = new int[n], enums = new int[n], kinds = new int[n];
        long total = 0;
        for (int w = 0; w < batches.size(); w++) {
            Batch b = batches.get(w);
            for (int i = 0; i < b.count(); i++) {
                int ref = b.ref(i);
                int id = global[w][ref >>> 1];
                if ((ref & 1) != 0) enums[id]++; else plain[id]++;
            }
            total += b.count();
        }
        if (total > Integer.MAX_VALUE - 8) throw new IllegalStateException("too many index entries: " + total);
        long[] first = new long[n];
        long[] nextPlain = new long[n], nextEnum = new long[n];
        long at = 0;
        for (int id = 0; id < n; id++) {
            first[id] = nextPlain[id] = at;
            nextEnum[id] = at + plain[id];
            at += plain[id] + enums[id];
        }
        long[] entries = new long[(int) total];
        for (int w = 0; w < batches.size(); w++) {
            Batch b = batches.get(w);
            for (int i = 0; i < b.count(); i++) {
                int ref = b.ref(i);
                int id = global[w][ref >>> 1];
                long e = b.entry(i);
                if ((ref & 1) != 0) {
                    entries[(int) nextEnum[id]++] = e;
                    kinds[id] |= 1 << IndexKind.ENUMERATOR.ordinal();
                } else {
                    entries[(int) nextPlain[id]++] = e;
                    kinds[id] |= 1 << EntryCodec.kind(e).ordinal();
                }
            }
        }
        // most of the time goes to the many small sorts: share them between the cores
        int chunk = Math.max(1, n / 64);
        java.util.stream.IntStream.range(0, (n + chunk - 1) / chunk).parallel().forEach(c -> {
            for (int id = c * chunk, to = Math.min(n, id + chunk); id < to; id++) {
                sortBySourceAndOffset(entries, (int) first[id], (int) first[id] + plain[id]);
                sortBySourceAndOffset(entries, (int) first[id] + plain[id], (int) first[id] + plain[id] + enums[id]);
            }
        });

        int slots = slotsFor(n);
        long slotsOff = HEADER_SIZE;
        long recordsOff = slotsOff + 4L * slots;
        long entriesOff = recordsOff + (long) RECORD_SIZE * n;
        long stringsOff = entriesOff + 8 * total;
        long size = stringsOff + g.bytes;
        if (size > Integer.MAX_VALUE - 8) throw new IllegalStateException("index table exceeds 2 GiB");
        // filled as plain arrays, then copied in bulk: per-field segment writes cost a layout check each
        int[] slotArr = new int[slots];
        int[] recArr = new int[RECORD_SIZE / 4 * n];
        byte[] image = new byte[(int) size];
        int mask = slots - 1;
        long str = 0;
        for (int id = 0; id < n; id++) {
            int i = g.hash[id] & mask;
            while (slotArr[i] != 0) i = (i + 1) & mask;
            slotArr[i] = id + 1;
            int r = RECORD_SIZE / 4 * id;
            recArr[r + (int) R_STR / 4] = (int) str;
            recArr[r + (int) R_LEN / 4] = g.len[id];
            recArr[r + (int) R_HASH / 4] = g.hash[id];
            recArr[r + (int) R_KINDS / 4] = kinds[id];
            recArr[r + (int) R_FIRST / 4] = (int) first[id];            // u64, little-endian halves
            recArr[r + (int) R_FIRST / 4 + 1] = (int) (first[id] >>> 32);
            recArr[r + (int) R_COUNT / 4] = plain[id];
            recArr[r + (int) R_ENUMS / 4] = enums[id];
            MemorySegment.copy(g.seg[id], java.lang.foreign.ValueLayout.JAVA_BYTE, g.off[id], image, (int) (stringsOff + str), g.len[id]);
            str += g.len[id];
        }
        if (str > 0xffffffffL) throw new IllegalStateException("index names exceed 4 GiB");
        MemorySegment m = MemorySegment.ofArray(image);
        MemorySegment.copy(slotArr, 0, m, U32, slotsOff, slotArr.length);
        MemorySegment.copy(recArr, 0, m, U32, recordsOff, recArr.length);
        MemorySegment.copy(entries, 0, m, U64, entriesOff, entries.length);

        m.set(U64, H_MAGIC, MAGIC);
        m.set(U32, H_VERSION, VERSION);
        m.set(U64, H_LENGTH, size);
        m.set(U32, H_SOURCES, sources);
        m.set(U32, H_NAMES, n);
        m.set(U32, H_SLOTS, slots);
        m.set(U64, H_ENTRIES, total);
        m.set(U64, H_SLOTS_OFF, slotsOff);
        m.set(U64, H_RECORDS_OFF, recordsOff);
        m.set(U64, H_ENTRIES_OFF, entriesOff);
        m.set(U64, H_STRINGS_OFF, stringsOff);
        m.set(U64, H_STRINGS_LEN, str);
        m.set(U32, H_CRC, NameTable.checksum(m));
        return m;
    }

    /**
     * Sorts packed entries by their low 52 bits (source, offset), then kind and flags: rotating
     * those low bits to the top makes a plain signed sort do it (sources stay below 2^11).
     */
    private static void sortBySourceAndOffset(long[] a, int from, int to) {
        if (to - from < 2) return;
        for (int i = from; i < to; i++) a[i] = Long.rotateLeft(a[i], 12);
        if (to - from > 16) {
            Arrays.sort(a, from, to);
        } else {
            // most names have a few entries: insertion sort beats the library's setup cost
            for (int i = from + 1; i < to; i++) {
                long x = a[i];
                int j = i - 1;
                for (; j >= from && a[j] > x; j--) a[j + 1] = a[j];
                a[j + 1] = x;
            }
        }
        for (int i = from; i < to; i++) a[i] = Long.rotateRight(a[i], 12);
    }

    /** Distinct names by content, in first-seen order. */
    private static final class Names {
        final int[] hash, len;
        final long[] off;
        final MemorySegment[] seg;
        final int[] slots; // id + 1
        int count;
        long bytes;

        Names(int bound) {
            hash = new int[bound];
            len = new int[bound];
            off = new long[bound];
            seg = new MemorySegment[bound];
            slots = new int[slotsFor(bound)];
        }

        int intern(MemorySegment s, long o, int l, int h) {
            int mask = slots.length - 1;
            int i = h & mask;
            // slots outnumber names: the probe ends at an empty slot
            for (int id; (id = slots[i] - 1) >= 0; i = (i + 1) & mask) {
                if (hash[id] == h && len[id] == l && MemorySegment.mismatch(seg[id], off[id], off[id] + l, s, o, o + l) < 0) return id;
            }
            int id = count++;
            hash[id] = h;
            len[id] = l;
            off[id] = o;
            seg[id] = s;
            slots[i] = id + 1;
            bytes += l;
            return id;
        }
    }
}
