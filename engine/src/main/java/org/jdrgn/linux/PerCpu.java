package org.jdrgn.linux;

import org.jdrgn.error.LookupException;
import org.jdrgn.error.TypeErrorException;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.types.PointerType;

/**
 * Per-CPU variables (include/linux/percpu-defs.h): a per-CPU pointer is an offset into the
 * per-CPU area layout; CPU n's copy is at that offset plus {@code __per_cpu_offset[n]}.
 * Like drgn, the CPU number is not checked against nr_cpu_ids (a kernel without SMP has no
 * __per_cpu_offset and every offset is 0).
 */
public final class PerCpu {
    private PerCpu() {}

    /** {@code __per_cpu_offset[cpu]}, or 0 on a uniprocessor kernel. */
    public static long offset(KernelObjects k, long cpu) {
        DrgnObject offsets;
        try {
            offsets = k.object("__per_cpu_offset");
        } catch (LookupException e) {
            return 0;
        }
        Long base = offsets.address();
        if (base == null) throw new LookupException("__per_cpu_offset has no address");
        return k.readU64(base + 8 * cpu);
    }

    /** drgn's per_cpu_ptr(ptr, cpu): the pointer moved to CPU {@code cpu}'s copy, same type. */
    public static DrgnObject ptr(KernelObjects k, DrgnObject ptr, long cpu) {
        if (!(ptr.type().underlying() instanceof PointerType)) {
            throw new TypeErrorException("per_cpu_ptr() argument must be a pointer, not '" + ptr.type().typeName() + "'");
        }
        return DrgnObject.ofLong(ptr.context(), ptr.type(), KernelObjects.value(ptr) + offset(k, cpu));
    }

    /** drgn's per_cpu(var, cpu): CPU {@code cpu}'s copy of a per-CPU variable (a reference). */
    public static DrgnObject of(KernelObjects k, DrgnObject var, long cpu) {
        return ptr(k, var.addressOf(), cpu).deref();
    }

    /** per_cpu of a global per-CPU variable by name ("runqueues"). */
    public static DrgnObject of(KernelObjects k, String var, long cpu) { return of(k, k.object(var), cpu); }
}
