package org.jdrgn.lang;

import java.util.List;
import org.graalvm.polyglot.Value;
import org.jdrgn.program.ProgramThread;
import org.jdrgn.program.SegmentReader;
import org.jdrgn.elf.Symbol;

/** Engine values as the plain arrays both language adapters hand to their wrapper classes. */
public final class Tuples {
    private Tuples() {}

    /** [tid, name] */
    public static Object[] thread(ProgramThread t) { return new Object[] {t.tid(), t.name()}; }

    /** [name, address, size, binding, kind] (drgn's enum values). */
    public static Object[] symbol(Symbol s) {
        return new Object[] {s.name(), s.address(), s.size(), s.binding().value, s.kind().value};
    }

    public static Object[] symbols(List<Symbol> list) { return list.stream().map(Tuples::symbol).toArray(); }

    public static Object[] threads(List<ProgramThread> list) { return list.stream().map(Tuples::thread).toArray(); }

    /** drgn's add_memory_segment read_fn(address, count, offset, physical) returning a buffer. */
    public static SegmentReader segmentReader(Value readFn) {
        return (addr, count, offset, phys) -> {
            Value got = readFn.execute(addr, count, offset, phys);
            byte[] out = new byte[(int) Math.min(got.getBufferSize(), Integer.MAX_VALUE)];
            got.readBuffer(0, out, 0, out.length);
            return out;
        };
    }
}
