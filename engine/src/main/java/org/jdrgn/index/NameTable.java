package org.jdrgn.index;

import static org.jdrgn.index.TableLayout.*;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.jdrgn.bytes.FormatException;

/**
 * Read-only view of a name table image ({@link TableLayout}), on the heap after a build or
 * memory-mapped from a cache file. Nothing is decoded up front: a lookup hashes the name,
 * probes the slots and compares bytes, so opening a cached table costs its checksum only.
 */
final class NameTable {
    private final MemorySegment m;
    private final int names, slotMask;
    private final long slotsOff, recordsOff, entriesOff, stringsOff;

    private NameTable(MemorySegment m) {
        this.m = m;
        this.names = m.get(U32, H_NAMES);
        this.slotMask = m.get(U32, H_SLOTS) - 1;
        this.slotsOff = m.get(U64, H_SLOTS_OFF);
        this.recordsOff = m.get(U64, H_RECORDS_OFF);
        this.entriesOff = m.get(U64, H_ENTRIES_OFF);
        this.stringsOff = m.get(U64, H_STRINGS_OFF);
    }

    /** A table over an image this process built (trusted). */
    static NameTable of(MemorySegment image) { return new NameTable(image); }

    /**
     * A table over untrusted bytes (a cache file): checks magic, version, length, checksum and
     * that every region lies inside the image; {@link FormatException} naming {@code what} otherwise.
     */
    static NameTable verified(MemorySegment m, String what) {
        long size = m.byteSize();
        if (size < HEADER_SIZE) throw new FormatException(what, 0, "shorter than its header: " + size);
        if (m.get(U64, H_MAGIC) != MAGIC) throw new FormatException(what, H_MAGIC, "bad magic");
        if (m.get(U32, H_VERSION) != VERSION) throw new FormatException(what, H_VERSION, "format version " + m.get(U32, H_VERSION));
        if (m.get(U64, H_LENGTH) != size) throw new FormatException(what, H_LENGTH, "length " + m.get(U64, H_LENGTH) + " but the file has " + size);
        if (m.get(U32, H_CRC) != checksum(m)) throw new FormatException(what, H_CRC, "checksum mismatch");
        long names = m.get(U32, H_NAMES) & 0xffffffffL, slots = m.get(U32, H_SLOTS) & 0xffffffffL;
        long entries = m.get(U64, H_ENTRIES);
        if (slots == 0 || Long.bitCount(slots) != 1 || names >= slots) throw new FormatException(what, H_SLOTS, "bad slot count");
        region(m, what, H_SLOTS_OFF, slots * 4);
        region(m, what, H_RECORDS_OFF, names * RECORD_SIZE);
        region(m, what, H_ENTRIES_OFF, entries < 0 || entries > size ? -1 : entries * 8);
        region(m, what, H_STRINGS_OFF, m.get(U64, H_STRINGS_LEN));
        return new NameTable(m);
    }

    /** CRC32C of the checksummed part of an image. */
    static int checksum(MemorySegment m) {
        CRC32C crc = new CRC32C();
        crc.update(m.asSlice(CRC_FROM).asByteBuffer());
        return (int) crc.getValue();
    }

    private static void region(MemorySegment m, String what, long field, long len) {
        long off = m.get(U64, field);
        if (off < HEADER_SIZE || len < 0 || off > m.byteSize() - len) throw new FormatException(what, field, "region out of bounds");
    }

    MemorySegment image() { return m; }

    int count() { return names; }

    long entryCount() { return m.get(U64, H_ENTRIES); }

    /** The record of {@code utf8}, or -1. */
    int find(byte[] utf8) {
        int h = NameHash.of(utf8);
        // at most slotMask+1 probes; the table always has empty slots, so this ends sooner
        for (int i = h & slotMask, n = 0; n <= slotMask; i = (i + 1) & slotMask, n++) {
            int r = m.get(U32, slotsOff + 4L * i) - 1;
            if (r < 0) return -1;
            if (r >= names) throw new FormatException("index table", slotsOff + 4L * i, "slot names record " + r);
            long rec = recordsOff + (long) r * RECORD_SIZE;
            if (m.get(U32, rec + R_HASH) == h && m.get(U32, rec + R_LEN) == utf8.length
                    && MemorySegment.mismatch(m, stringsOff + str(rec), stringsOff + str(rec) + utf8.length,
                    MemorySegment.ofArray(utf8), 0, utf8.length) < 0) {
                return r;
            }
        }
        return -1;
    }

    String name(int r) {
        long rec = record(r);
        byte[] b = new byte[m.get(U32, rec + R_LEN)];
        MemorySegment.copy(m, ValueLayout.JAVA_BYTE, stringsOff + str(rec), b, 0, b.length);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Bit {@code 1 << kind.ordinal()} for each kind among the record's entries. */
    int kinds(int r) { return m.get(U32, record(r) + R_KINDS); }

    /** Index of the record's first entry; its non-enumerator entries come first. */
    long first(int r) { return m.get(U64, record(r) + R_FIRST); }

    int nonEnumerators(int r) { return m.get(U32, record(r) + R_COUNT); }

    int enumerators(int r) { return m.get(U32, record(r) + R_ENUMS); }

    long entry(long i) { return m.get(U64, entriesOff + 8 * i); }

    private long record(int r) { return recordsOff + (long) r * RECORD_SIZE; }

    private long str(long rec) { return m.get(U32, rec + R_STR) & 0xffffffffL; }
}
