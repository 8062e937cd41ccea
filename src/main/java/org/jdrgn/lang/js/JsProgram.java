package org.jdrgn.lang.js;

import java.nio.ByteBuffer;
import org.graalvm.polyglot.HostAccess.Export;
import org.graalvm.polyglot.Value;
import org.jdrgn.lang.Tuples;
import org.jdrgn.program.Platform;
import org.jdrgn.program.Program;

/**
 * The Java object behind a JS {@code drgn.Program} (held in a private field by drgn.js).
 * Values cross as longs, arrays and byte buffers; drgn.js turns 64-bit longs into BigInt.
 */
public final class JsProgram {
    private final JsRuntime rt;
    private final Program prog;

    JsProgram(JsRuntime rt, Program prog) {
        this.rt = rt;
        this.prog = prog;
    }

    public Program program() { return prog; }

    @Export public Object[] platform() {
        Platform p = prog.platform();
        return p == null ? null : new Object[] {p.arch().value(), p.flags()};
    }

    @Export public int flags() { return prog.flags(); }

    /** The bytes as a heap buffer: drgn.js wraps it in an ArrayBuffer without copying. */
    @Export public ByteBuffer read(long address, int size, boolean physical) {
        return rt.call(() -> ByteBuffer.wrap(prog.read(address, size, physical)));
    }

    @Export public long readUnsigned(long address, int size, boolean physical) {
        return rt.call(() -> prog.readUnsigned(address, size, physical));
    }

    @Export public long readWord(long address, boolean physical) {
        return rt.call(() -> prog.readWord(address, physical));
    }

    /** readFn: drgn.js's adapter, returning an ArrayBuffer (interop buffer elements). */
    @Export public void addMemorySegment(long address, long size, Value readFn, boolean physical) {
        prog.addMemorySegment(address, size, Tuples.segmentReader(readFn), physical);
    }

    @Export public void setCoreDump(String path) { rt.run(() -> rt.openCore(prog, path)); }

    // ---- threads: [tid, name] ------------------------------------------------------------

    @Export public Object[] threads() {
        return rt.call(() -> Tuples.threads(prog.threads()));
    }

    @Export public Object[] thread(long tid) { return rt.call(() -> Tuples.thread(prog.thread(tid))); }

    @Export public Object[] mainThread() { return rt.call(() -> Tuples.thread(prog.mainThread())); }

    @Export public Object[] crashedThread() { return rt.call(() -> Tuples.thread(prog.crashedThread())); }

    // ---- symbols: [name, address, size, binding, kind] -----------------------------------

    @Export public Object[] symbolAt(long address) { return rt.call(() -> Tuples.symbol(prog.symbol(address))); }

    @Export public Object[] symbolNamed(String name) { return rt.call(() -> Tuples.symbol(prog.symbol(name))); }

    @Export public Object[] symbols() { return rt.call(() -> Tuples.symbols(prog.symbols(null))); }

    @Export public Object[] symbolsAt(long address) { return rt.call(() -> Tuples.symbols(prog.symbols(address))); }

    @Export public Object[] symbolsNamed(String name) { return rt.call(() -> Tuples.symbols(prog.symbols(name))); }
}
