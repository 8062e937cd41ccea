package org.jdrgn.linux;

import java.util.Optional;
import org.jdrgn.error.ValueErrorException;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.objects.ObjectContext;
import org.jdrgn.types.Type;

/**
 * What the kernel helpers need from a program: its object context (memory, types) and its
 * global objects by name. Implemented over a Program one layer up, so the helpers here stay
 * below the program layer.
 */
public interface KernelObjects {
    ObjectContext context();

    /** drgn's {@code prog[name]}; LookupException when there is none. */
    DrgnObject object(String name);

    /** The kernel's memory (page tables, direct map, KASLR); a ValueError for a program that is not a kernel dump. */
    default KernelMemory memory() { throw new ValueErrorException("program has no kernel threads"); }

    /** The task_struct address of the kernel thread with this tid (tid 0: the crashed CPU's idle task), if any. */
    default Optional<Long> threadTask(long tid) { throw new ValueErrorException("program has no kernel threads"); }

    /** The CPU that crashed (see Sched.crashedCpu); a dump's own notes may say more. */
    default long crashedCpu() { return Sched.crashedCpu(this); }

    /** drgn's {@code prog.type(name)}. */
    default Type type(String name) { return context().type(name); }

    /** The object's integer or pointer value as an unsigned 64-bit long. */
    static long value(DrgnObject o) { return o.toInt().longValue(); }

    /** A value object of the named pointer type ("struct task_struct *"). */
    default DrgnObject pointer(String typeName, long value) {
        return DrgnObject.ofLong(context(), context().type(typeName), value);
    }

    /** A little-endian 64-bit word of kernel memory. */
    default long readU64(long address) {
        byte[] b = new byte[8];
        context().read(address, b, 0, 8);
        long v = 0;
        for (int i = 7; i >= 0; i--) v = v << 8 | (b[i] & 0xff);
        return v;
    }
}
