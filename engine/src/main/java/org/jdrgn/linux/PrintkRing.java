package org.jdrgn.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jdrgn.objects.DrgnObject;

/**
 * A snapshot of the kernel's lockless printk ringbuffer ({@code prb}, Linux 5.10+): its header
 * and its three arrays read in bulk (descriptors, infos, text data), so decoding never goes
 * back to memory and a changing live kernel cannot make it chase moving ids. The arrays are
 * the snapshot itself, not copied: callers must not modify them (tests damage clones).
 *
 * @param address   the struct printk_ringbuffer
 * @param wordSize  sizeof(long): ids, state words and logical positions are longs
 * @param countBits log2 of the number of descriptors
 * @param sizeBits  log2 of the text data ring's size
 * @param headId    newest descriptor id
 * @param tailId    oldest descriptor id
 */
public record PrintkRing(long address, PrintkLayout layout, ByteOrder order, int wordSize, int countBits, int sizeBits,
                         long headId, long tailId, byte[] descs, byte[] infos, byte[] data) {
    /** The kernel's CONFIG_LOG_BUF_SHIFT tops out at 25 and log_buf_len= at 2 GiB; beyond 2^30 is damage. */
    static final int MAX_BITS = 30;
    /** Bulk reads of the descriptor and info arrays stay below this many bytes. */
    static final long MAX_ARRAY = 1L << 28;

    public PrintkRing {
        if (countBits < 0 || countBits > MAX_BITS) throw new PrintkRingException(address, "count_bits " + countBits + " out of range");
        if (sizeBits < 3 || sizeBits > MAX_BITS) throw new PrintkRingException(address, "size_bits " + sizeBits + " out of range");
        if (descs.length != layout.descSize() << countBits || infos.length != layout.infoSize() << countBits
                || data.length != 1L << sizeBits) {
            throw new PrintkRingException(address, "array sizes do not match count_bits/size_bits");
        }
    }

    /** Reads {@code prb} from the kernel. */
    public static PrintkRing read(KernelObjects k) {
        var ctx = k.context();
        DrgnObject prbPtr = k.object("prb");
        long address = KernelObjects.value(prbPtr);
        DrgnObject prb = prbPtr.deref();
        DrgnObject descRing = prb.member("desc_ring");
        DrgnObject textRing = prb.member("text_data_ring");
        PrintkLayout layout = PrintkLayout.of(ctx);
        int countBits = (int) KernelObjects.value(descRing.member("count_bits"));
        int sizeBits = (int) KernelObjects.value(textRing.member("size_bits"));
        if (countBits < 0 || countBits > MAX_BITS || (layout.descSize() + layout.infoSize()) << countBits > MAX_ARRAY) {
            throw new PrintkRingException(address, "count_bits " + countBits + " out of range");
        }
        if (sizeBits < 3 || sizeBits > MAX_BITS) throw new PrintkRingException(address, "size_bits " + sizeBits + " out of range");
        byte[] descs = bulk(k, descRing.member("descs"), layout.descSize() << countBits);
        byte[] infos = bulk(k, descRing.member("infos"), layout.infoSize() << countBits);
        byte[] data = bulk(k, textRing.member("data"), 1L << sizeBits);
        return new PrintkRing(address, layout, ctx.byteOrder(), ctx.wordSize(), countBits, sizeBits,
                atomic(descRing.member("head_id")), atomic(descRing.member("tail_id")), descs, infos, data);
    }

    private static long atomic(DrgnObject atomicLong) { return KernelObjects.value(atomicLong.member("counter")); }

    private static byte[] bulk(KernelObjects k, DrgnObject pointer, long size) {
        byte[] b = new byte[(int) size];
        k.context().read(KernelObjects.value(pointer), b, 0, b.length);
        return b;
    }

    int descCount() { return 1 << countBits; }

    int dataSize() { return 1 << sizeBits; }

    /** A word (long) of one of the arrays, unsigned-extended when the word is 4 bytes. */
    long word(byte[] array, long offset) {
        ByteBuffer b = ByteBuffer.wrap(array).order(order);
        return wordSize == 8 ? b.getLong((int) offset) : b.getInt((int) offset) & 0xffffffffL;
    }

    long u64(byte[] array, long offset) { return ByteBuffer.wrap(array).order(order).getLong((int) offset); }

    long u32(byte[] array, long offset) { return ByteBuffer.wrap(array).order(order).getInt((int) offset) & 0xffffffffL; }

    int u16(byte[] array, long offset) { return ByteBuffer.wrap(array).order(order).getShort((int) offset) & 0xffff; }
}
