package org.jdrgn.core;

import org.jdrgn.bytes.ByteSlice;

/**
 * One diskdump bitmap: bit n (LSB first within each byte) says whether page frame n is in it.
 * {@link #rank} counts the set bits before a frame, which indexes the page descriptor table;
 * its block sums are built on first use (one pass over the bitmap) and never again.
 */
public final class DumpBitmap {
    private static final int BLOCK_BITS = 4096;
    private final ByteSlice bits;
    private final long nbits;
    private volatile long[] blockRank;

    public DumpBitmap(ByteSlice bits, long nbits) {
        this.bits = bits;
        this.nbits = Math.min(nbits, bits.size() * 8);
    }

    public long size() { return nbits; }

    public boolean get(long n) {
        return n >= 0 && n < nbits && (bits.u8(n >>> 3) >>> (n & 7) & 1) != 0;
    }

    /** Number of set bits in [0, n). */
    public long rank(long n) {
        long[] r = blockRank();
        int b = (int) (n / BLOCK_BITS);
        return r[b] + count((long) b * BLOCK_BITS, n);
    }

    private long[] blockRank() {
        long[] r = blockRank;
        if (r == null) {
            synchronized (this) {
                r = blockRank;
                if (r == null) {
                    int blocks = (int) (nbits / BLOCK_BITS) + 1;
                    r = new long[blocks];
                    long sum = 0;
                    for (int b = 0; b < blocks; b++) {
                        r[b] = sum;
                        long from = (long) b * BLOCK_BITS;
                        sum += count(from, Math.min(nbits, from + BLOCK_BITS));
                    }
                    blockRank = r;
                }
            }
        }
        return r;
    }

    /** Set bits in [from, to), from a multiple of 8. */
    private long count(long from, long to) {
        long c = 0, n = from;
        while (n + 64 <= to) { c += Long.bitCount(bits.u64(n >>> 3)); n += 64; }
        while (n + 8 <= to) { c += Integer.bitCount(bits.u8(n >>> 3)); n += 8; }
        if (n < to) c += Integer.bitCount(bits.u8(n >>> 3) & ((1 << (to - n)) - 1));
        return c;
    }
}
