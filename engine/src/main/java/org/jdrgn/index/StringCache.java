package org.jdrgn.index;

/**
 * Long key -> small int id, open addressing. Keys are name locations (string section and
 * offset): linkers merge equal strings in .debug_str, so "list_head" in 3000 compile units is
 * one key, hashed and measured once per worker. One per worker thread. Key and id share one
 * array so that a probe touches one cache line.
 */
final class StringCache {
    private long[] slots = new long[2048]; // key, id + 1 (0 = empty)
    private int size;

    /** The id of {@code key}, or -1. */
    int get(long key) {
        long[] s = slots;
        int mask = (s.length >> 1) - 1;
        // the table is never full (resized at half load), so the probe ends at an empty slot
        for (int i = mix(key) & mask; s[2 * i + 1] != 0; i = (i + 1) & mask) {
            if (s[2 * i] == key) return (int) s[2 * i + 1] - 1;
        }
        return -1;
    }

    /** Adds {@code key} (absent) with {@code id}. */
    void put(long key, int id) {
        if ((size + 1) * 4 > slots.length) grow();
        insert(slots, key, id + 1L);
        size++;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (int j = 0; j < old.length; j += 2) if (old[j + 1] != 0) insert(slots, old[j], old[j + 1]);
    }

    private static void insert(long[] s, long key, long id1) {
        int mask = (s.length >> 1) - 1;
        int i = mix(key) & mask;
        while (s[2 * i + 1] != 0) i = (i + 1) & mask;
        s[2 * i] = key;
        s[2 * i + 1] = id1;
    }

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
