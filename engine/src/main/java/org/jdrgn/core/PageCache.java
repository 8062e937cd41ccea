package org.jdrgn.core;

import java.util.LinkedHashMap;
import java.util.Map;

/** A small least-recently-used cache of decompressed pages, keyed by page frame number. */
final class PageCache {
    private final LinkedHashMap<Long, byte[]> pages;

    PageCache(int capacity) {
        this.pages = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<Long, byte[]> e) { return size() > capacity; }
        };
    }

    synchronized byte[] get(long pfn) { return pages.get(pfn); }

    synchronized void put(long pfn, byte[] page) { pages.put(pfn, page); }
}
