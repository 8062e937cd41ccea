package org.jdrgn.linux;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Printk records as one array of longs, for adapters that only pass numbers (the Python
 * face's kernel helper bridge): {@code [count, blobBytes, FIELDS longs per record..., blob as
 * little-endian longs]}. Per record: seq, timestamp, facility, level, caller tid (-1 none),
 * caller cpu (-1 none), continuation (0/1), then the lengths of its text, SUBSYSTEM and DEVICE
 * (-1 when absent), whose bytes follow one another in the blob.
 */
public final class PrintkWire {
    private PrintkWire() {}

    public static final int FIELDS = 10;

    public static long[] pack(List<PrintkRecord> records) {
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        long[] head = new long[2 + FIELDS * records.size()];
        int p = 2;
        for (PrintkRecord r : records) {
            byte[] text = r.text(), subsystem = r.context().get("SUBSYSTEM"), device = r.context().get("DEVICE");
            head[p++] = r.seq();
            head[p++] = r.timestamp();
            head[p++] = r.facility();
            head[p++] = r.level();
            head[p++] = r.callerTid() == null ? -1 : r.callerTid();
            head[p++] = r.callerCpu() == null ? -1 : r.callerCpu();
            head[p++] = r.continuation() ? 1 : 0;
            for (byte[] b : new byte[][] {text, subsystem, device}) {
                head[p++] = b == null ? -1 : b.length;
                if (b != null) blob.writeBytes(b);
            }
        }
        byte[] bytes = blob.toByteArray();
        head[0] = records.size();
        head[1] = bytes.length;
        long[] out = new long[head.length + (bytes.length + 7) / 8];
        System.arraycopy(head, 0, out, 0, head.length);
        ByteBuffer b = ByteBuffer.wrap(java.util.Arrays.copyOf(bytes, (out.length - head.length) * 8)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = head.length; i < out.length; i++) out[i] = b.getLong();
        return out;
    }
}
