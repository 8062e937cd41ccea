package org.jdrgn.index;

/**
 * Entries packed in one long so that millions of them stay small: DIE offset (40 bits),
 * source id (12 bits: a file's .debug_info, .debug_types or supplementary file), kind (4 bits)
 * and flags (8 bits). Enumerators use the kind/flags bits for the enumerator's position.
 */
final class EntryCodec {
    static final int DECLARATION = 1, EXTERNAL = 2, TLS = 4;
    static final long MAX_OFFSET = (1L << 40) - 1;
    static final int MAX_SOURCES = 1 << 12;
    static final int MAX_ENUMERATOR_INDEX = (1 << 12) - 1;

    private EntryCodec() {}

    static long pack(long offset, int source, IndexKind kind, int flags) {
        check(offset, source);
        return offset | (long) source << 40 | (long) kind.ordinal() << 52 | (long) flags << 56;
    }

    static long packEnumerator(long enumOffset, int source, int index) {
        check(enumOffset, source);
        return enumOffset | (long) source << 40 | (long) Math.min(index, MAX_ENUMERATOR_INDEX) << 52;
    }

    static long offset(long e) { return e & MAX_OFFSET; }

    static int source(long e) { return (int) (e >>> 40) & 0xfff; }

    static IndexKind kind(long e) { return IndexKind.of((int) (e >>> 52) & 0xf); }

    static int flags(long e) { return (int) (e >>> 56) & 0xff; }

    /** Enumerator position, or -1 if it was too large to pack. */
    static int enumeratorIndex(long e) {
        int i = (int) (e >>> 52) & 0xfff;
        return i == MAX_ENUMERATOR_INDEX ? -1 : i;
    }

    private static void check(long offset, int source) {
        if (offset < 0 || offset > MAX_OFFSET) throw new IllegalArgumentException("DIE offset too large for the index: " + offset);
        if (source < 0 || source >= MAX_SOURCES) throw new IllegalStateException("too many debug files in one index");
    }
}
