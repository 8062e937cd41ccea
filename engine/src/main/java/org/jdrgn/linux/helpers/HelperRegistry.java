package org.jdrgn.linux.helpers;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdrgn.error.ValueErrorException;
import org.jdrgn.linux.KernelObjects;

/**
 * The one entry of the Linux helpers for every face (Python's drgn.helpers.linux and
 * _linux_helper_*, JS's drgn.helpers, Java): name → {@link Helper}. Each drgn module's helpers
 * register themselves in their own class; the faces only convert arguments and results.
 */
public final class HelperRegistry {
    private static final Map<String, Helper> HELPERS = build();

    private HelperRegistry() {}

    private static Map<String, Helper> build() {
        Table t = new Table();
        ListHelpers.register(t);
        CoreHelpers.register(t);
        BitmapHelpers.register(t);
        TreeHelpers.register(t);
        MmHelpers.register(t);
        SlabHelpers.register(t);
        FsHelpers.register(t);
        return Map.copyOf(t.map);
    }

    /** Every helper, by name. */
    public static Collection<Helper> all() { return new TreeMap<>(HELPERS).values(); }

    public static Helper get(String name) {
        Helper h = HELPERS.get(name);
        if (h == null) throw new ValueErrorException("unknown kernel helper " + name);
        return h;
    }

    /**
     * Calls a helper. {@code isKernel}: whether the program is a Linux kernel (helpers that
     * need one raise drgn's ValueError otherwise, with drgn's message where it has its own).
     */
    public static Object call(KernelObjects k, boolean isKernel, String name, List<Object> args) {
        Helper h = get(name);
        if (h.kernelOnly() && !isKernel) {
            throw new ValueErrorException(h.nonKernelMessage() != null ? h.nonKernelMessage()
                    : name + "() is only available for the Linux kernel");
        }
        return h.body().call(new HelperArgs(k, name, args));
    }

    /** What a module's register() adds helpers to. */
    public static final class Table {
        private final Map<String, Helper> map = new TreeMap<>();

        private Table() {}

        public Table add(Helper h) {
            if (map.put(h.name(), h) != null) throw new IllegalStateException("helper " + h.name() + " registered twice");
            return this;
        }

        /** {@code f(prog, args...)} of a kernel program. */
        public Table prog(String name, Helper.Body body) { return add(new Helper(name, Helper.Shape.PROGRAM, true, null, body)); }

        /** {@code f(prog_or_obj, args...)} of a kernel program; a Program is a null first argument. */
        public Table objOrProg(String name, Helper.Body body) {
            return add(new Helper(name, Helper.Shape.OBJECT_OR_PROGRAM, true, null, body));
        }

        /** {@code f(obj, args...)} of a kernel program. */
        public Table obj(String name, Helper.Body body) { return add(new Helper(name, Helper.Shape.OBJECTS, true, null, body)); }

        /** {@code f(obj, args...)} of any program (generic data structures: lists, trees). */
        public Table anyObj(String name, Helper.Body body) { return add(new Helper(name, Helper.Shape.OBJECTS, false, null, body)); }
    }
}
