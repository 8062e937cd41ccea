package org.jdrgn.cli.resident;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The client's stdin, read on demand: a read sends a READ frame and waits for the bytes the
 * client's reader thread queues ({@link #offer}); an empty array is the end of input.
 */
final class RemoteStdin extends InputStream {
    static final byte[] END = new byte[0];

    private final FrameWriter writer;
    private final LinkedBlockingQueue<byte[]> arrived = new LinkedBlockingQueue<>();
    private byte[] pending = new byte[0];
    private int pos;
    private boolean ended;

    RemoteStdin(FrameWriter writer) { this.writer = writer; }

    /** Called by the connection's reader thread. */
    void offer(byte[] data) { arrived.add(data); }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (pos == pending.length) {
            if (ended) return -1;
            writer.control(Protocol.READ, Math.min(len, 1 << 16));
            try {
                pending = arrived.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("stdin read interrupted");
            }
            pos = 0;
            if (pending.length == 0) {
                ended = true;
                return -1;
            }
        }
        int n = Math.min(len, pending.length - pos);
        System.arraycopy(pending, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public synchronized int available() { return pending.length - pos; }
}
