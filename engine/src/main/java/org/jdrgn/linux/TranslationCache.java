package org.jdrgn.linux;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A direct-mapped cache of page-table walks, one slot per 4 KiB virtual page number modulo
 * its size. Entries are immutable records, so concurrent readers need no lock.
 */
final class TranslationCache {
    private static final int SLOTS = 4096;
    private final AtomicReferenceArray<Translation> slots = new AtomicReferenceArray<>(SLOTS);

    Translation get(long vaddr) {
        Translation t = slots.getPlain(slot(vaddr));
        return t != null && t.contains(vaddr) ? t : null;
    }

    void put(long vaddr, Translation t) { slots.setPlain(slot(vaddr), t); }

    private static int slot(long vaddr) { return (int) (vaddr >>> 12) & (SLOTS - 1); }
}
