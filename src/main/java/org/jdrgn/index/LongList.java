package org.jdrgn.index;

import java.util.Arrays;

/** A growable list of longs (no boxing: the index holds millions of entries). */
final class LongList {
    private long[] a = new long[2];
    private int n;

    void add(long v) {
        if (n == a.length) a = Arrays.copyOf(a, n * 2);
        a[n++] = v;
    }

    void addAll(long[] vs) {
        if (n + vs.length > a.length) a = Arrays.copyOf(a, Math.max(n + vs.length, n * 2));
        System.arraycopy(vs, 0, a, n, vs.length);
        n += vs.length;
    }

    int size() { return n; }

    long[] toArray() { return Arrays.copyOf(a, n); }
}
