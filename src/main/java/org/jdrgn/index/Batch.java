package org.jdrgn.index;

import java.util.HashMap;
import java.util.Map;

/** What one worker collected from its share of the units, merged into the index afterwards. */
final class Batch {
    final Map<String, LongList> names = new HashMap<>();
    final Map<String, LongList> enumerators = new HashMap<>();
    final StringCache strings = new StringCache();
    long dies;
    long entries;

    void add(String name, long entry) {
        names.computeIfAbsent(name, k -> new LongList()).add(entry);
        entries++;
    }

    void addEnumerator(String name, long entry) {
        enumerators.computeIfAbsent(name, k -> new LongList()).add(entry);
        entries++;
    }
}
