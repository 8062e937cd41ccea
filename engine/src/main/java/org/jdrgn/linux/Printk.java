package org.jdrgn.linux;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel log from the lockless printk ringbuffer (kernel/printk/printk_ringbuffer.c):
 * descriptors from tail_id to head_id, each committed or finalized one naming its text block
 * in the data ring by logical positions; drgn's get_printk_records() and get_dmesg().
 */
public final class Printk {
    private Printk() {}

    /** Descriptor states, the top two bits of state_var. */
    private static final long COMMITTED = 1, FINALIZED = 2;
    /** printk_info.flags bit of a continuation record. */
    private static final long LOG_CONT = 8;
    /** caller_id: this bit set means a CPU number (logged outside task context). */
    private static final long CALLER_CPU = 0x80000000L;

    /** drgn's get_printk_records(prog). */
    public static List<PrintkRecord> records(KernelObjects k) { return records(PrintkRing.read(k)); }

    /** drgn's get_dmesg(prog). */
    public static byte[] dmesg(KernelObjects k) { return dmesg(records(k)); }

    /** The records of a ring snapshot, oldest first; at most one per descriptor, so bounded by the ring. */
    public static List<PrintkRecord> records(PrintkRing ring) {
        int shift = 8 * ring.wordSize() - 2;
        long idMask = (1L << shift) - 1;
        long head = ring.headId() & idMask, tail = ring.tailId() & idMask;
        long span = (head - tail) & idMask;
        if (span >= ring.descCount()) {
            throw new PrintkRingException(ring.address(), "tail_id " + tail + " to head_id " + head
                    + " spans more than the " + ring.descCount() + " descriptors");
        }
        PrintkLayout l = ring.layout();
        List<PrintkRecord> out = new ArrayList<>((int) span + 1);
        for (long i = 0; i <= span; i++) {
            long id = (tail + i) & idMask;
            int index = (int) (id & (ring.descCount() - 1));
            long desc = index * l.descSize();
            long stateVar = ring.word(ring.descs(), desc + l.stateVarOff());
            long state = stateVar >>> shift & 3;
            // a descriptor still being written, or already recycled for a later id, holds no record of this id
            if ((stateVar & idMask) != id || (state != COMMITTED && state != FINALIZED)) continue;
            out.add(record(ring, index, ring.word(ring.descs(), desc + l.lposBeginOff()),
                    ring.word(ring.descs(), desc + l.lposNextOff()), id));
        }
        return out;
    }

    private static PrintkRecord record(PrintkRing ring, int index, long begin, long next, long id) {
        PrintkLayout l = ring.layout();
        byte[] infos = ring.infos();
        long info = index * l.infoSize();
        int textLen = ring.u16(infos, info + l.textLenOff());
        int flagsByte = infos[(int) (info + l.flagsBitOff() / 8)] & 0xff;
        long flags = flagsByte >>> (l.flagsBitOff() % 8) & ((1 << l.flagsBits()) - 1);
        int levelByte = infos[(int) (info + l.levelBitOff() / 8)] & 0xff;
        int level = (int) (levelByte >>> (l.levelBitOff() % 8) & ((1 << l.levelBits()) - 1));
        Long tid = null, cpu = null;
        if (l.callerIdOff() >= 0) {
            long caller = ring.u32(infos, info + l.callerIdOff());
            if ((caller & CALLER_CPU) != 0) cpu = caller & ~CALLER_CPU;
            else tid = caller;
        }
        Map<String, byte[]> context = new LinkedHashMap<>();
        if (l.subsystemOff() >= 0) {
            byte[] subsystem = cstring(infos, info + l.subsystemOff(), l.subsystemLen());
            byte[] device = cstring(infos, info + l.deviceOff(), l.deviceLen());
            if (subsystem.length > 0) context.put("SUBSYSTEM", subsystem);
            if (device.length > 0) context.put("DEVICE", device);
        }
        return new PrintkRecord(text(ring, begin, next, textLen, id), infos[(int) (info + l.facilityOff())] & 0xff, level,
                ring.u64(infos, info + l.seqOff()), ring.u64(infos, info + l.tsOff()), tid, cpu,
                (flags & LOG_CONT) != 0, context);
    }

    /**
     * The text of a data block. Logical positions count bytes since boot; their high bits are the
     * ring's wrap count. A block that would cross the end is stored from offset 0 instead, its
     * begin left in the previous wrap. Each block starts with its descriptor id (a long).
     */
    private static byte[] text(PrintkRing ring, long begin, long next, int textLen, long id) {
        if ((begin & 1) != 0 || (next & 1) != 0) return new byte[0]; // data-less: failed or empty line
        int bits = ring.sizeBits();
        long size = ring.dataSize();
        long start, end = next & (size - 1);
        if (begin >>> bits == next >>> bits) start = begin & (size - 1);
        else if ((begin >>> bits) + 1 == next >>> bits) start = 0;
        else throw corrupt(ring, id, "data block " + Long.toHexString(begin) + ".." + Long.toHexString(next) + " spans more than one wrap");
        if (end < start + ring.wordSize()) {
            throw corrupt(ring, id, "data block " + Long.toHexString(begin) + ".." + Long.toHexString(next) + " is shorter than its id");
        }
        long textStart = start + ring.wordSize();
        return Arrays.copyOfRange(ring.data(), (int) textStart, (int) (textStart + Math.min(textLen, end - textStart)));
    }

    private static PrintkRingException corrupt(PrintkRing ring, long id, String message) {
        return new PrintkRingException(ring.address(), "descriptor " + id + ": " + message);
    }

    private static byte[] cstring(byte[] b, long off, int max) {
        int n = 0;
        while (n < max && b[(int) off + n] != 0) n++;
        return Arrays.copyOfRange(b, (int) off, (int) off + n);
    }

    /** dmesg(1)'s lines: "[seconds.micros] text\n", seconds right-aligned in 5 columns. */
    public static byte[] dmesg(List<PrintkRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (PrintkRecord r : records) {
            long ts = r.timestamp();
            String prefix = String.format("[%5d.%06d] ", Long.divideUnsigned(ts, 1_000_000_000L),
                    Long.remainderUnsigned(ts, 1_000_000_000L) / 1000);
            out.writeBytes(prefix.getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(r.text());
            out.write('\n');
        }
        return out.toByteArray();
    }
}
