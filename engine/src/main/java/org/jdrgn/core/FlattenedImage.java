package org.jdrgn.core;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;

/**
 * makedumpfile's flattened format (makedumpfile -F, QEMU's kdump-* output): a 4 KiB header
 * ("makedumpfile", type 1, version 1, big-endian) then records of (offset, size) + size bytes,
 * each a write of the dump at that offset, ended by (-1, -1). The records are indexed once
 * (later writes win where they overlap, gaps read as zeros as in the sparse file that
 * {@code makedumpfile -R} would write); reads are then served from the mapped stream.
 */
public final class FlattenedImage implements DumpImage {
    public static final String SIGNATURE = "makedumpfile";
    static final int HEADER_SIZE = 4096;
    private static final int RECORD_HEADER = 16;

    private final ByteSlice file;
    /** Disjoint pieces sorted by logical offset: [start, start+length) is in the file at filePos. */
    private final long[] start, length, filePos;
    private final long size;

    private FlattenedImage(ByteSlice file, long[] start, long[] length, long[] filePos) {
        this.file = file;
        this.start = start;
        this.length = length;
        this.filePos = filePos;
        int n = start.length;
        this.size = n == 0 ? 0 : start[n - 1] + length[n - 1];
    }

    /** Indexes the records of a flattened stream; one pass, bounded by the file size. */
    public static FlattenedImage index(ByteSlice file) {
        String name = file.what();
        ByteSlice be = file.withOrder(ByteOrder.BIG_ENDIAN);
        if (file.size() < HEADER_SIZE) {
            throw new FormatException(name, 0, "flattened dump header truncated (file size 0x"
                    + Long.toHexString(file.size()) + " < 0x1000)");
        }
        String sig = new String(file.bytes(0, SIGNATURE.length()), StandardCharsets.US_ASCII);
        if (!sig.equals(SIGNATURE)) throw new FormatException(name, 0, "no \"makedumpfile\" signature");
        long type = be.u64(16), version = be.u64(24);
        if (type != 1) throw new FormatException(name, 16, "unknown flattened type " + type);
        if (version != 1) throw new FormatException(name, 24, "unknown flattened version " + version);

        TreeMap<Long, long[]> pieces = new TreeMap<>(); // start -> {end, filePos}
        long pos = HEADER_SIZE;
        while (true) {
            if (file.size() - pos < RECORD_HEADER) {
                throw new FormatException(name, pos, "flattened record header truncated (no end marker)");
            }
            long off = be.u64(pos), sz = be.u64(pos + 8);
            if (off == -1 && sz == -1) break;
            if (off < 0 || sz < 0 || off + sz < off) {
                throw new FormatException(name, pos, "bad flattened record: offset 0x" + Long.toHexString(off)
                        + ", size 0x" + Long.toHexString(sz));
            }
            long data = pos + RECORD_HEADER;
            if (sz > file.size() - data) {
                throw new FormatException(name, pos, "flattened record (offset 0x" + Long.toHexString(off)
                        + ", size 0x" + Long.toHexString(sz) + ") truncated: file ends at 0x"
                        + Long.toHexString(file.size()));
            }
            if (sz > 0) put(pieces, off, off + sz, data);
            pos = data + sz;
        }
        int n = pieces.size();
        long[] s = new long[n], l = new long[n], p = new long[n];
        int i = 0;
        for (Map.Entry<Long, long[]> e : pieces.entrySet()) {
            s[i] = e.getKey();
            l[i] = e.getValue()[0] - e.getKey();
            p[i] = e.getValue()[1];
            i++;
        }
        return new FlattenedImage(file, s, l, p);
    }

    /** Adds [a, b) at filePos, trimming or splitting what it overwrites. */
    private static void put(TreeMap<Long, long[]> pieces, long a, long b, long filePos) {
        Map.Entry<Long, long[]> before = pieces.lowerEntry(a);
        if (before != null && before.getValue()[0] > a) {
            long s = before.getKey(), e = before.getValue()[0], fp = before.getValue()[1];
            pieces.put(s, new long[] {a, fp});
            if (e > b) pieces.put(b, new long[] {e, fp + (b - s)});
        }
        Map.Entry<Long, long[]> in;
        while ((in = pieces.ceilingEntry(a)) != null && in.getKey() < b) {
            pieces.remove(in.getKey());
            long s = in.getKey(), e = in.getValue()[0], fp = in.getValue()[1];
            if (e > b) pieces.put(b, new long[] {e, fp + (b - s)});
        }
        pieces.put(a, new long[] {b, filePos});
    }

    /** Number of disjoint pieces the records make. */
    public int pieceCount() { return start.length; }

    @Override public String name() { return file.what(); }

    @Override public long size() { return size; }

    @Override public ByteSlice slice(long offset, long len) {
        require(offset, len, "read");
        int i = pieceAt(offset);
        if (i >= 0 && offset - start[i] + len <= length[i]) {
            return file.slice(filePos[i] + (offset - start[i]), len);
        }
        if (len > Integer.MAX_VALUE - 8) throw new FormatException(name(), offset, "read too large: " + len);
        byte[] out = new byte[(int) len];
        copy(offset, out, 0, (int) len);
        return ByteSlice.of(out, name());
    }

    @Override public void copy(long offset, byte[] dst, int dstOff, int len) {
        require(offset, len, "read");
        long o = offset;
        int pos = dstOff, left = len;
        int i = pieceAt(o);
        while (left > 0) {
            if (i >= 0 && o < start[i] + length[i]) {
                int n = (int) Math.min(left, start[i] + length[i] - o);
                file.copy(filePos[i] + (o - start[i]), dst, pos, n);
                o += n; pos += n; left -= n;
            } else {
                // A gap: never written, zero as in the sparse file.
                long next = i + 1 < start.length ? start[i + 1] : Long.MAX_VALUE;
                int n = (int) Math.min(left, next - o);
                Arrays.fill(dst, pos, pos + n, (byte) 0);
                o += n; pos += n; left -= n;
            }
            if (i + 1 < start.length && o >= start[i + 1]) i++;
        }
    }

    /** Index of the last piece starting at or before offset, or -1. */
    private int pieceAt(long offset) {
        int i = Arrays.binarySearch(start, offset);
        return i >= 0 ? i : -i - 2;
    }
}
