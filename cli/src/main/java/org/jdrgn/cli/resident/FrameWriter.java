package org.jdrgn.cli.resident;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** Writes whole frames to a channel; one lock, so frames from several threads never interleave. */
final class FrameWriter {
    private final SocketChannel ch;

    FrameWriter(SocketChannel ch) { this.ch = ch; }

    synchronized void frame(byte type, int n, byte[] data, int off, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(5 + len);
        buf.put(type).putInt(n);
        if (len > 0) buf.put(data, off, len);
        buf.flip();
        while (buf.hasRemaining()) ch.write(buf);
    }

    void control(byte type, int n) throws IOException { frame(type, n, null, 0, 0); }

    /** An output stream whose every write is one frame of {@code type} (no buffering: order is kept). */
    OutputStream stream(byte type) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len > 0) frame(type, len, b, off, len);
            }
        };
    }
}
