package org.jdrgn.linux.helpers;

import java.util.ArrayList;
import java.util.List;
import org.jdrgn.error.ValueErrorException;
import org.jdrgn.linux.KernelObjects;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.types.ArrayType;
import org.jdrgn.types.PointerType;

/**
 * drgn.helpers.linux.bitops, cpumask and nodemask: bits of an {@code unsigned long} bitmap
 * (an array or a pointer to one), read once, walked in Java.
 */
final class BitmapHelpers {
    /** More bits than any kernel bitmap the helpers walk (NR_CPUS, MAX_NUMNODES are far below). */
    static final long MAX_BITS = 1L << 24;

    private BitmapHelpers() {}

    static void register(HelperRegistry.Table t) {
        t.anyObj("for_each_set_bit", a -> bits(words(a.obj(0), a.lng(1)), a.lng(1), true));
        t.anyObj("for_each_clear_bit", a -> bits(words(a.obj(0), a.lng(1)), a.lng(1), false));
        t.anyObj("test_bit", a -> {
            long nr = a.lng(0);
            long[] w = words(a.obj(1), nr + 1);
            return (w[(int) (nr >>> 6)] >>> (nr & 63) & 1) != 0;
        });
        t.obj("for_each_cpu", a -> maskBits(a.kernel(), a.obj(0), nrCpuIds(a.kernel())));
        t.prog("for_each_online_cpu", a -> namedMask(a.kernel(), "__cpu_online_mask"));
        t.prog("for_each_possible_cpu", a -> namedMask(a.kernel(), "__cpu_possible_mask"));
        t.prog("for_each_present_cpu", a -> namedMask(a.kernel(), "__cpu_present_mask"));
    }

    private static List<Long> namedMask(KernelObjects k, String name) {
        return maskBits(k, k.object(name).addressOf(), nrCpuIds(k));
    }

    /** The set bits below {@code size} of a struct cpumask * (or nodemask_t *): its {@code bits} array. */
    static List<Long> maskBits(KernelObjects k, DrgnObject mask, long size) {
        return bits(words(mask.member("bits"), size), size, true);
    }

    static long nrCpuIds(KernelObjects k) {
        return Objs.hasObject(k, "nr_cpu_ids") ? Objs.val(k.object("nr_cpu_ids")) : 1;
    }

    /** The bitmap's first ceil(size / 64) words. */
    static long[] words(DrgnObject bitmap, long size) {
        if (size < 0 || size > MAX_BITS) throw new ValueErrorException("bitmap size " + size + " out of range");
        int n = (int) ((size + 63) >>> 6);
        byte[] b = new byte[n * 8];
        var u = bitmap.type().underlying();
        if (u instanceof PointerType) {
            bitmap.context().read(Objs.val(bitmap), b, 0, b.length);
        } else if (u instanceof ArrayType && bitmap.address() != null) {
            bitmap.context().read(bitmap.address(), b, 0, b.length);
        } else if (u instanceof ArrayType) {
            byte[] v = bitmap.toBytes();
            System.arraycopy(v, 0, b, 0, Math.min(v.length, b.length));
        } else {
            throw new org.jdrgn.error.TypeErrorException("bitmap must be an array or pointer, not '" + bitmap.type().typeName() + "'");
        }
        long[] w = new long[n];
        for (int i = 0; i < n; i++) {
            long v = 0;
            for (int j = 7; j >= 0; j--) v = v << 8 | (b[i * 8 + j] & 0xff);
            w[i] = v;
        }
        return w;
    }

    static List<Long> bits(long[] words, long size, boolean set) {
        List<Long> out = new ArrayList<>();
        for (long i = 0; i < size; i++) {
            if (((words[(int) (i >>> 6)] >>> (i & 63) & 1) != 0) == set) out.add(i);
        }
        return out;
    }
}
