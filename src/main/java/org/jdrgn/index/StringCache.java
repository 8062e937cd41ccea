package org.jdrgn.index;

import java.util.function.LongFunction;

/**
 * Names decoded once per string-section offset: linkers merge equal strings in .debug_str, so
 * "list_head" in 3000 compile units is one offset and one String. Open addressing, one per
 * worker thread and string section.
 */
final class StringCache {
    private long[] keys = new long[1024];
    private String[] vals = new String[1024];
    private int size;

    String get(long key, LongFunction<String> decode) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        // the table is never full (resized at half load), so the probe ends at an empty slot
        while (vals[i] != null) {
            if (keys[i] == key) return vals[i];
            i = (i + 1) & mask;
        }
        String s = decode.apply(key);
        keys[i] = key;
        vals[i] = s;
        if (++size * 2 > keys.length) grow();
        return s;
    }

    private void grow() {
        long[] ok = keys;
        String[] ov = vals;
        keys = new long[ok.length * 2];
        vals = new String[ok.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (ov[j] == null) continue;
            int i = mix(ok[j]) & mask;
            while (vals[i] != null) i = (i + 1) & mask;
            keys[i] = ok[j];
            vals[i] = ov[j];
        }
    }

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
