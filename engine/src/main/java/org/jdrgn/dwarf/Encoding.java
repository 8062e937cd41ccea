package org.jdrgn.dwarf;

/** What a unit's header fixes for decoding: DWARF version, offset size (4 or 8), address size. */
public record Encoding(int version, int offsetSize, int addressSize) {
    /** A key for caches shared between units with the same encoding. */
    int key() { return version << 16 | offsetSize << 8 | addressSize; }
}
