package org.jdrgn.objects;

/**
 * Bit-level access to little- or big-endian byte buffers, as objects and bit fields need.
 * Bit offsets count from the least significant bit of the first byte when little-endian and
 * from the most significant bit when big-endian, as in drgn.
 */
final class Bits {
    private Bits() {}

    /** Bits [bitOffset, bitOffset+bitSize) of buf as an unsigned value (bitSize 1..64). */
    static long extract(byte[] buf, int start, long bitOffset, int bitSize, boolean littleEndian) {
        int first = start + (int) (bitOffset >>> 3);
        int shift = (int) (bitOffset & 7);
        int n = (shift + bitSize + 7) >>> 3;
        long v = 0;
        for (int k = 0; k < n; k++) {
            long b = buf[first + k] & 0xffL;
            // position of this byte's least significant bit relative to the value's
            int e = littleEndian ? 8 * k - shift : 8 * (n - 1 - k) - (8 * n - shift - bitSize);
            if (e >= 0) {
                if (e < 64) v |= b << e;
            } else {
                v |= b >>> -e;
            }
        }
        return truncate(v, bitSize);
    }

    /** Stores the low bitSize bits of value at bits [bitOffset, bitOffset+bitSize) of buf. */
    static void deposit(byte[] buf, int start, long bitOffset, int bitSize, long value, boolean littleEndian) {
        int first = start + (int) (bitOffset >>> 3);
        int shift = (int) (bitOffset & 7);
        int n = (shift + bitSize + 7) >>> 3;
        long mask = bitSize == 64 ? -1L : (1L << bitSize) - 1;
        value &= mask;
        for (int k = 0; k < n; k++) {
            int e = littleEndian ? 8 * k - shift : 8 * (n - 1 - k) - (8 * n - shift - bitSize);
            long vb, mb;
            if (e >= 0) {
                vb = e < 64 ? value >>> e : 0;
                mb = e < 64 ? mask >>> e : 0;
            } else {
                vb = value << -e;
                mb = mask << -e;
            }
            int m = (int) (mb & 0xff);
            buf[first + k] = (byte) ((buf[first + k] & ~m) | ((int) vb & m));
        }
    }

    /** Copies bitSize bits starting at srcBitOffset of src to a new byte-aligned buffer. */
    static byte[] copy(byte[] src, long srcBitOffset, long bitSize, boolean littleEndian) {
        int len = (int) ((bitSize + 7) >>> 3);
        byte[] out = new byte[len];
        if ((srcBitOffset & 7) == 0) {
            System.arraycopy(src, (int) (srcBitOffset >>> 3), out, 0, len);
            return out;
        }
        for (int i = 0; i < len; i++) {
            int bits = (int) Math.min(8, bitSize - 8L * i);
            long b = extract(src, 0, srcBitOffset + 8L * i, bits, littleEndian);
            deposit(out, 0, 8L * i, bits, b, littleEndian);
        }
        return out;
    }

    /** The low bitSize bits of v, zero-extended. */
    static long truncate(long v, int bitSize) {
        return bitSize >= 64 ? v : v & ((1L << bitSize) - 1);
    }

    /** The low bitSize bits of v, sign-extended. */
    static long signExtend(long v, int bitSize) {
        return bitSize >= 64 ? v : (v << (64 - bitSize)) >> (64 - bitSize);
    }

    /** v as a C integer of bitSize bits: sign-extended if signed, zero-extended if not. */
    static long wrap(long v, int bitSize, boolean signed) {
        return signed ? signExtend(v, bitSize) : truncate(v, bitSize);
    }
}
