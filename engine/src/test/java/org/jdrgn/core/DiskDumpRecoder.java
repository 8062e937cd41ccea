package org.jdrgn.core;

import io.airlift.compress.Compressor;
import io.airlift.compress.lzo.LzoCompressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import org.jdrgn.bytes.ByteSlice;

/**
 * Test support: rewrites a real diskdump with another page codec, as makedumpfile -l/-p/-z
 * would (Debian's makedumpfile has only zlib and lzo built in). Header, sub-header (with its
 * VMCOREINFO and notes) and bitmaps are copied byte for byte; each dumped page is compressed
 * again and kept raw when that does not make it smaller, as makedumpfile does.
 */
final class DiskDumpRecoder {
    private DiskDumpRecoder() {}

    static void recode(Path from, PageCodec codec, Path to) throws IOException {
        DiskDump src = (DiskDump) KernelDumpFile.open(from);
        ByteSlice file = ByteSlice.map(from);
        long descOff = src.header().descriptorOffset();
        int page = src.pageSize();
        long count = 0;
        for (long pfn = 0; pfn < src.maxMapnr(); pfn++) if (src.isDumped(pfn)) count++;
        long dataOff = descOff + count * PageDescriptor.SIZE;
        ByteBuffer descs = ByteBuffer.allocate((int) (count * PageDescriptor.SIZE)).order(ByteOrder.LITTLE_ENDIAN);
        try (OutputStream data = Files.newOutputStream(to.resolveSibling(to.getFileName() + ".data"))) {
            byte[] raw = new byte[page], out = new byte[page * 2 + 64];
            long pos = dataOff;
            for (long pfn = 0; pfn < src.maxMapnr(); pfn++) {
                if (!src.isDumped(pfn)) continue;
                src.memory().read(pfn * page, raw, 0, page, true);
                int n = compress(codec, raw, out);
                boolean keep = n > 0 && n < page;
                descs.putLong(pos).putInt(keep ? n : page).putInt(keep ? codec.flag() : 0)
                        .putLong(src.descriptor(pfn).pageFlags());
                data.write(keep ? out : raw, 0, keep ? n : page);
                pos += keep ? n : page;
            }
        }
        Path dataFile = to.resolveSibling(to.getFileName() + ".data");
        try (OutputStream o = Files.newOutputStream(to)) {
            o.write(file.bytes(0, (int) descOff));
            o.write(descs.array());
            Files.copy(dataFile, o);
        }
        Files.delete(dataFile);
    }

    private static int compress(PageCodec codec, byte[] raw, byte[] out) {
        return switch (codec) {
            case RAW -> 0;
            case ZLIB -> {
                Deflater d = new Deflater();
                d.setInput(raw);
                d.finish();
                int n = d.deflate(out);
                d.end();
                yield n;
            }
            case LZO -> run(new LzoCompressor(), raw, out);
            case SNAPPY -> run(new SnappyCompressor(), raw, out);
            case ZSTD -> run(new ZstdCompressor(), raw, out);
        };
    }

    private static int run(Compressor c, byte[] raw, byte[] out) {
        return c.compress(raw, 0, raw.length, out, 0, out.length);
    }
}
