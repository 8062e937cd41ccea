package org.jdrgn.cli.resident;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A context's streams are fixed when it is built, but a spare context is built before
 * its client connects: it gets these, pointed at the client's streams when a run takes it.
 */
final class Switchable {
    private Switchable() {}

    static final class In extends InputStream {
        private volatile InputStream target = InputStream.nullInputStream();

        void set(InputStream t) { target = t; }

        @Override
        public int read() throws IOException { return target.read(); }

        @Override
        public int read(byte[] b, int off, int len) throws IOException { return target.read(b, off, len); }

        @Override
        public int available() throws IOException { return target.available(); }
    }

    static final class Out extends OutputStream {
        private volatile OutputStream target = OutputStream.nullOutputStream();

        void set(OutputStream t) { target = t; }

        @Override
        public void write(int b) throws IOException { target.write(b); }

        @Override
        public void write(byte[] b, int off, int len) throws IOException { target.write(b, off, len); }

        @Override
        public void flush() throws IOException { target.flush(); }
    }
}
