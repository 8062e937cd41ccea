package org.jdrgn.core;

import io.airlift.compress.Decompressor;
import io.airlift.compress.lzo.LzoDecompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** How one diskdump page is stored, from its descriptor's flags (makedumpfile's DUMP_DH_COMPRESSED_*). */
public enum PageCodec {
    RAW(0), ZLIB(0x1), LZO(0x2), SNAPPY(0x4), ZSTD(0x20);

    static final int FLAGS_MASK = 0x1 | 0x2 | 0x4 | 0x20;
    private final int flag;

    PageCodec(int flag) { this.flag = flag; }

    public int flag() { return flag; }

    /** The codec a descriptor's flags name; null when more than one compression bit is set. */
    static PageCodec ofFlags(int flags) {
        return switch (flags & FLAGS_MASK) {
            case 0 -> RAW;
            case 0x1 -> ZLIB;
            case 0x2 -> LZO;
            case 0x4 -> SNAPPY;
            case 0x20 -> ZSTD;
            default -> null;
        };
    }

    /**
     * Decompresses src into dst (one page); returns the number of bytes produced.
     * @throws IllegalArgumentException (with the codec's reason) when src is not valid
     */
    int decompress(byte[] src, int srcLen, byte[] dst) {
        try {
            return switch (this) {
                case RAW -> {
                    System.arraycopy(src, 0, dst, 0, Math.min(srcLen, dst.length));
                    yield srcLen;
                }
                case ZLIB -> inflate(src, srcLen, dst);
                case LZO -> run(new LzoDecompressor(), src, srcLen, dst);
                case SNAPPY -> run(new SnappyDecompressor(), src, srcLen, dst);
                case ZSTD -> run(new ZstdDecompressor(), src, srcLen, dst);
            };
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) { // aircompressor's MalformedInputException and bounds errors
            throw new IllegalArgumentException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static int run(Decompressor d, byte[] src, int srcLen, byte[] dst) {
        return d.decompress(src, 0, srcLen, dst, 0, dst.length);
    }

    private static int inflate(byte[] src, int srcLen, byte[] dst) {
        Inflater inf = new Inflater();
        try {
            inf.setInput(src, 0, srcLen);
            int n = 0;
            // A page inflates in one or two calls; the bound stops a stream that never finishes.
            for (int i = 0; i < 4 && !inf.finished() && n < dst.length; i++) {
                int got = inf.inflate(dst, n, dst.length - n);
                n += got;
                if (got == 0 && (inf.needsInput() || inf.needsDictionary())) break;
            }
            if (!inf.finished()) throw new IllegalArgumentException("zlib stream does not end within one page");
            return n;
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("zlib: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }
}
