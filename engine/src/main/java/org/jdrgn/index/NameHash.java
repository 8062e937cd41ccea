package org.jdrgn.index;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The name hash of the index tables (FNV-1a over the UTF-8 bytes, then a final mix). It is part
 * of the on-disk format: changing it needs a new {@link TableLayout#VERSION}.
 */
final class NameHash {
    private static final int BASIS = 0x811c9dc5, PRIME = 0x01000193;

    private NameHash() {}

    static int of(byte[] b) {
        int h = BASIS;
        for (byte x : b) h = (h ^ (x & 0xff)) * PRIME;
        return mix(h);
    }

    /** Hash of the {@code len} bytes at {@code off}. */
    static int of(MemorySegment s, long off, int len) {
        int h = BASIS;
        for (long i = off, end = off + len; i < end; i++) h = (h ^ (s.get(ValueLayout.JAVA_BYTE, i) & 0xff)) * PRIME;
        return mix(h);
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        return h ^ (h >>> 13);
    }
}
