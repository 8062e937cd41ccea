package org.jdrgn.index;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Byte layout of a name table image, the same in memory and in a cache file (little-endian):
 * <pre>
 *   header   HEADER_SIZE bytes (fields below)
 *   slots    u32[slotCount]   open-addressing hash table: record index + 1, 0 = empty
 *   records  RECORD_SIZE each: string offset, length, hash, kind mask, first entry,
 *            number of entries, number of enumerator entries (which follow the others)
 *   entries  u64[entryCount]  {@link EntryCodec} values, each name's sorted by source and offset
 *   strings  the names' UTF-8 bytes
 * </pre>
 * The checksum (CRC32C) covers every byte after its own field, so a truncated, torn or
 * bit-flipped file is rejected before any lookup reads it.
 */
final class TableLayout {
    private TableLayout() {}

    static final long MAGIC = 0x5844494e4752444aL; // "JDRGNIDX"
    /** Bump on any change of layout, hash, entry encoding or of what the indexer emits. */
    static final int VERSION = 1;

    static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    // header fields
    static final long H_MAGIC = 0, H_CRC = 8, H_VERSION = 12, H_LENGTH = 16, H_FILE_SIZE = 24, H_FILE_MTIME = 32,
            H_BUILD_ID_LEN = 40, H_BUILD_ID = 44, H_SOURCES = 108, H_NAMES = 112, H_SLOTS = 116, H_ENTRIES = 120,
            H_SLOTS_OFF = 128, H_RECORDS_OFF = 136, H_ENTRIES_OFF = 144, H_STRINGS_OFF = 152, H_STRINGS_LEN = 160;
    static final int MAX_BUILD_ID = 64;
    static final int HEADER_SIZE = 168;
    /** Checksummed region starts right after the checksum field. */
    static final long CRC_FROM = H_VERSION;

    // record fields
    static final int RECORD_SIZE = 32;
    static final long R_STR = 0, R_LEN = 4, R_HASH = 8, R_KINDS = 12, R_FIRST = 16, R_COUNT = 24, R_ENUMS = 28;

    /** Hash slots for {@code names} names: a power of two, at most 2/3 full so that probes stay short. */
    static int slotsFor(int names) {
        long want = Math.max(4, names * 3L / 2 + 1);
        return (int) Long.highestOneBit(want * 2 - 1);
    }
}
