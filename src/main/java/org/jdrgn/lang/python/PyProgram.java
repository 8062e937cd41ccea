package org.jdrgn.lang.python;

import java.util.List;
import org.graalvm.polyglot.HostAccess.Export;
import org.graalvm.polyglot.Value;
import org.jdrgn.program.Platform;
import org.jdrgn.program.Program;
import org.jdrgn.program.ProgramThread;
import org.jdrgn.program.Symbol;

/**
 * The Java object behind a Python {@code drgn.Program} (registered as that class's interop
 * type in _drgn.py). Methods are prefixed {@code j} so they never shadow the Python API;
 * values cross as plain longs/arrays, unsigned conversion happens in _drgn.py.
 */
public final class PyProgram {
    private final PyRuntime rt;
    private final Program prog;

    PyProgram(PyRuntime rt, Program prog) {
        this.rt = rt;
        this.prog = prog;
    }

    public Program program() { return prog; }

    @Export public Object[] jPlatform() {
        Platform p = prog.platform();
        return p == null ? null : new Object[] {p.arch().value(), p.flags()};
    }

    @Export public int jFlags() { return prog.flags(); }

    /** Bytes as a Latin-1 string: one cheap interop copy; _drgn.py encodes it back to bytes. */
    @Export public String jRead(long address, int size, boolean physical) {
        return rt.call(() -> PyRuntime.latin1(prog.read(address, size, physical)));
    }

    @Export public long jReadUnsigned(long address, int size, boolean physical) {
        return rt.call(() -> prog.readUnsigned(address, size, physical));
    }

    @Export public long jReadWord(long address, boolean physical) {
        return rt.call(() -> prog.readWord(address, physical));
    }

    @Export public void jAddMemorySegment(long address, long size, Value readFn, boolean physical) {
        prog.addMemorySegment(address, size, (addr, count, offset, phys) -> {
            Value got = readFn.execute(addr, count, offset, phys);
            byte[] out = new byte[(int) Math.min(got.getBufferSize(), Integer.MAX_VALUE)];
            got.readBuffer(0, out, 0, out.length);
            return out;
        }, physical);
    }

    @Export public void jSetCoreDump(String path) { rt.run(() -> rt.openCore(prog, path)); }

    // ---- threads -------------------------------------------------------------------------

    private static Object[] thread(ProgramThread t) { return new Object[] {t.tid(), t.name()}; }

    @Export public Object[] jThreads() {
        return rt.call(() -> prog.threads().stream().map(PyProgram::thread).toArray());
    }

    @Export public Object[] jThread(long tid) { return rt.call(() -> thread(prog.thread(tid))); }

    @Export public Object[] jMainThread() { return rt.call(() -> thread(prog.mainThread())); }

    @Export public Object[] jCrashedThread() { return rt.call(() -> thread(prog.crashedThread())); }

    // ---- symbols -------------------------------------------------------------------------

    private static Object[] symbol(Symbol s) {
        return new Object[] {s.name(), s.address(), s.size(), s.binding().value, s.kind().value};
    }

    private static Object[] symbols(List<Symbol> list) {
        return list.stream().map(PyProgram::symbol).toArray();
    }

    @Export public Object[] jSymbolAt(long address) { return rt.call(() -> symbol(prog.symbol(address))); }

    @Export public Object[] jSymbolNamed(String name) { return rt.call(() -> symbol(prog.symbol(name))); }

    @Export public Object[] jSymbols() { return rt.call(() -> symbols(prog.symbols(null))); }

    @Export public Object[] jSymbolsAt(long address) { return rt.call(() -> symbols(prog.symbols(address))); }

    @Export public Object[] jSymbolsNamed(String name) { return rt.call(() -> symbols(prog.symbols(name))); }
}
