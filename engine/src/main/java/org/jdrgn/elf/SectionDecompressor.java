package org.jdrgn.elf;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;
import org.tukaani.xz.XZInputStream;

/** Inflates SHF_COMPRESSED sections (Elf64_Chdr + zlib or zstd) and xz (.gnu_debugdata). */
final class SectionDecompressor {
    private static final int CHDR_SIZE = 24;
    /** Refuse absurd sizes from corrupt headers before allocating. */
    private static final long MAX_SIZE = Integer.MAX_VALUE - 16;

    private SectionDecompressor() {}

    static ByteSlice decompress(ByteSlice raw) {
        int type = (int) raw.u32(0);
        long size = raw.u64(8);
        if (size < 0 || size > MAX_SIZE) {
            throw new FormatException(raw.what(), 8, "compressed section size 0x" + Long.toHexString(size) + " too large");
        }
        byte[] in = raw.bytes(CHDR_SIZE, (int) (raw.size() - CHDR_SIZE));
        byte[] out = new byte[(int) size];
        switch (type) {
            case ElfConstants.ELFCOMPRESS_ZLIB -> inflate(in, out, raw.what());
            case ElfConstants.ELFCOMPRESS_ZSTD -> unzstd(in, out, raw.what());
            default -> throw new FormatException(raw.what(), 0, "unknown compression type " + type);
        }
        return ByteSlice.of(out, raw.what());
    }

    private static void inflate(byte[] in, byte[] out, String what) {
        Inflater inf = new Inflater();
        try {
            inf.setInput(in);
            int n = 0;
            // Each pass makes progress or ends: finished, or no input and no output (corrupt).
            while (n < out.length && !inf.finished()) {
                int got = inf.inflate(out, n, out.length - n);
                if (got == 0 && (inf.needsInput() || inf.needsDictionary())) break;
                n += got;
            }
            if (n != out.length) throw new FormatException(what, 0, "zlib data decompressed to " + n + " bytes, expected " + out.length);
        } catch (DataFormatException e) {
            throw new FormatException(what, 0, "bad zlib data: " + e.getMessage());
        } finally {
            inf.end();
        }
    }

    private static void unzstd(byte[] in, byte[] out, String what) {
        try {
            int n = new ZstdDecompressor().decompress(in, 0, in.length, out, 0, out.length);
            if (n != out.length) throw new FormatException(what, 0, "zstd data decompressed to " + n + " bytes, expected " + out.length);
        } catch (MalformedInputException e) {
            throw new FormatException(what, 0, "bad zstd data: " + e.getMessage());
        }
    }

    /** Decompresses a whole .xz stream (MiniDebugInfo). */
    static ByteSlice unxz(ByteSlice raw) {
        byte[] in = raw.bytes(0, (int) raw.size());
        try (InputStream xz = new XZInputStream(new java.io.ByteArrayInputStream(in))) {
            ByteArrayOutputStream bos = new ByteArrayOutputStream(in.length * 4);
            byte[] buf = new byte[65536];
            for (int r; (r = xz.read(buf)) > 0; ) {
                bos.write(buf, 0, r);
                if (bos.size() > MAX_SIZE / 2) throw new FormatException(raw.what(), 0, "xz data too large");
            }
            return ByteSlice.of(bos.toByteArray(), raw.what());
        } catch (IOException e) {
            throw new FormatException(raw.what(), 0, "bad xz data: " + e.getMessage());
        }
    }
}
