package org.jdrgn.bytes;

/**
 * A mutable read position over a {@link ByteSlice}: the one mutable helper readers use
 * while decoding a record (LEB128, fixed-size fields). Cheap to create, never shared.
 */
public final class Cursor {
    private final ByteSlice data;
    private long pos;

    public Cursor(ByteSlice data, long pos) { this.data = data; this.pos = pos; }

    public ByteSlice data() { return data; }
    public long pos() { return pos; }
    public void seek(long p) { pos = p; }
    public void skip(long n) { data.check(pos, n); pos += n; }
    public boolean atEnd() { return pos >= data.size(); }
    public long remaining() { return data.size() - pos; }

    public int u8() { int v = data.u8(pos); pos += 1; return v; }
    public int u16() { int v = data.u16(pos); pos += 2; return v; }
    public long u32() { long v = data.u32(pos); pos += 4; return v; }
    public long u64() { long v = data.u64(pos); pos += 8; return v; }
    public long uN(int n) { long v = data.uN(pos, n); pos += n; return v; }
    public byte[] bytes(int n) { byte[] b = data.bytes(pos, n); pos += n; return b; }

    public String cstring() {
        int n = data.cstrlen(pos);
        String s = data.cstring(pos);
        pos += n + 1;
        return s;
    }

    public long uleb128() {
        long result = 0;
        int shift = 0;
        while (true) {
            int b = u8();
            if (shift < 64) result |= (long) (b & 0x7f) << shift;
            shift += 7;
            if ((b & 0x80) == 0) return result;
            if (shift > 640) throw new FormatException(data.what(), pos, "LEB128 too long");
        }
    }

    public long sleb128() {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            if (shift < 64) result |= (long) (b & 0x7f) << shift;
            shift += 7;
            if (shift > 640) throw new FormatException(data.what(), pos, "LEB128 too long");
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) result |= -1L << shift;
        return result;
    }

    public void align(int a) { pos = (pos + a - 1) & -(long) a; }
}
