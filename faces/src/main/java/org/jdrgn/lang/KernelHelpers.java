package org.jdrgn.lang;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.jdrgn.linux.helpers.Helper;
import org.jdrgn.linux.helpers.HelperRegistry;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.program.kernel.KernelProgramObjects;
import org.jdrgn.program.Program;
import org.jdrgn.program.ProgramFlags;

/**
 * The one entry of the Linux helpers (org.jdrgn.linux.helpers.HelperRegistry) for the
 * faces: Python's _drgn_linux._call, JS's drgn.helpers, and typed calls from Java. Arguments
 * are DrgnObject, Type, Long, Boolean, String, byte[] or null; results are what the
 * registry's {@link Helper.Body} documents.
 */
public final class KernelHelpers {
    private KernelHelpers() {}

    /** Calls the named helper on prog (the program is never in {@code args}). */
    public static Object call(Program prog, String name, List<Object> args) {
        return HelperRegistry.call(new KernelProgramObjects(prog), (prog.flags() & ProgramFlags.IS_LINUX_KERNEL) != 0, name, args);
    }

    public static Object call(Program prog, String name, Object... args) { return call(prog, name, Arrays.asList(args)); }

    /** Every helper (name and shape), for the faces that expose them by name. */
    public static Collection<Helper> helpers() { return HelperRegistry.all(); }

    // ---- typed forms for Java callers -------------------------------------------------------

    public static DrgnObject perCpuPtr(Program prog, DrgnObject ptr, long cpu) { return (DrgnObject) call(prog, "per_cpu_ptr", ptr, cpu); }

    public static DrgnObject perCpu(Program prog, DrgnObject var, long cpu) { return (DrgnObject) call(prog, "per_cpu", var, cpu); }

    public static long taskCpu(Program prog, DrgnObject task) { return (Long) call(prog, "task_cpu", task); }

    public static DrgnObject cpuCurr(Program prog, long cpu) { return (DrgnObject) call(prog, "cpu_curr", cpu); }

    public static DrgnObject idleTask(Program prog, long cpu) { return (DrgnObject) call(prog, "idle_task", cpu); }

    public static byte[] dmesg(Program prog) { return (byte[]) call(prog, "get_dmesg"); }

    /** get_printk_records as the registry gives them: per record drgn's fields in order (see CoreHelpers). */
    @SuppressWarnings("unchecked")
    public static List<List<Object>> printkRecords(Program prog) { return (List<List<Object>>) call(prog, "get_printk_records"); }

    @SuppressWarnings("unchecked")
    public static List<DrgnObject> forEachTask(Program prog) { return (List<DrgnObject>) call(prog, "for_each_task", (Object) null); }

    public static DrgnObject findTask(Program prog, long pid) { return (DrgnObject) call(prog, "find_task", null, pid); }

    public static String taskStateToChar(Program prog, DrgnObject task) {
        return new String((byte[]) call(prog, "task_state_to_char", task), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * A result converted for a face, recursively: DrgnObjects by {@code object}, byte[] by
     * {@code bytes}, Lists to arrays; numbers, booleans and null as they are.
     */
    public static Object convert(Object r, java.util.function.Function<DrgnObject, Object> object,
                                 java.util.function.Function<byte[], Object> bytes) {
        if (r instanceof DrgnObject o) return object.apply(o);
        if (r instanceof byte[] b) return bytes.apply(b);
        if (r instanceof List<?> l) {
            Object[] out = new Object[l.size()];
            for (int i = 0; i < out.length; i++) out[i] = convert(l.get(i), object, bytes);
            return out;
        }
        return r;
    }

}
