package org.jdrgn.linux.helpers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdrgn.error.FaultException;
import org.jdrgn.linux.KernelObjects;
import org.jdrgn.linux.PerCpu;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.types.Type;

/**
 * drgn.helpers.linux.slab's object walk for SLUB: the cache's slabs are found by a scan of the
 * memory map (PG_slab head pages whose slab_cache is the cache), and an object is allocated
 * unless it is on its slab's freelist or a CPU's freelist. Free pointers are decoded as
 * CONFIG_SLAB_FREELIST_HARDENED stores them (xor s->random and the byte-swapped address) when
 * the cache has {@code random}. Struct slab (5.17+) or struct page, decided from the types.
 */
final class SlabHelpers {
    private SlabHelpers() {}

    static void register(HelperRegistry.Table t) {
        t.obj("slab_cache_for_each_allocated_object", a -> allocated(a.kernel(), a.obj(0), a.type(1)));
        t.prog("for_each_slab_cache", a -> caches(a.kernel()));
        t.prog("find_slab_cache", a -> {
            byte[] want = a.bytes(0);
            for (DrgnObject c : caches(a.kernel())) if (java.util.Arrays.equals(c.member("name").string(), want)) return c;
            return null;
        });
    }

    /** The struct kmem_cache * of the slab_caches list. */
    static List<DrgnObject> caches(KernelObjects k) {
        Type cache = k.type("struct kmem_cache");
        List<DrgnObject> out = new ArrayList<>();
        for (long n : org.jdrgn.linux.KernelLists.nodes(k, k.object("slab_caches").address(), "slab_caches")) {
            out.add(k.pointer("struct list_head *", n).containerOf(cache, "list"));
        }
        return out;
    }

    static List<DrgnObject> allocated(KernelObjects k, DrgnObject cache, Type type) {
        cache = cache.read();
        long cacheAddr = Objs.val(cache);
        long size = Objs.val(cache.member("size"));
        Set<Long> cpuFree = new HashSet<>();
        for (long cpu : BitmapHelpers.maskBits(k, k.object("__cpu_online_mask").addressOf(), BitmapHelpers.nrCpuIds(k))) {
            DrgnObject c = PerCpu.ptr(k, cache.member("cpu_slab").read(), cpu);
            freelist(k, cache, Objs.val(c.member("freelist")), cpuFree);
        }
        String slabType = Objs.hasType(k, "struct slab") ? "struct slab *" : "struct page *";
        DrgnObject vmemmap = k.object("vmemmap").read();
        long pageSize = k.type("struct page").sizeof();
        long flagsOff = k.type("struct page").underlying().member("flags").offset();
        long slabCacheOff = k.type(slabType).underlying() instanceof org.jdrgn.types.PointerType p
                ? p.referenced().underlying().member("slab_cache").offset() : 0;
        long pgSlab = 1L << Objs.val(k.object("PG_slab"));
        long lo = Objs.val(k.object("min_low_pfn")), hi = Objs.val(k.object("max_pfn"));
        long directMap = k.memory().pageOffsetBase(), pageShift = Objs.val(k.object("PAGE_SHIFT"));
        Type ptrType = k.context().pointerTo(type);
        List<DrgnObject> out = new ArrayList<>();
        for (long pfn = lo; pfn < hi; pfn++) {
            long page = Objs.val(vmemmap) + pfn * pageSize;
            try {
                if ((k.readU64(page + flagsOff) & pgSlab) == 0 || k.readU64(page + slabCacheOff) != cacheAddr) continue;
            } catch (FaultException e) {
                continue;                               // a hole in the memory map
            }
            DrgnObject slab = k.pointer(slabType, page);
            Set<Long> free = new HashSet<>(cpuFree);
            freelist(k, cache, Objs.val(slab.member("freelist")), free);
            long start = directMap + (pfn << pageShift);
            long objects = Objs.val(slab.member("objects"));
            for (long i = 0; i < objects; i++) {
                long obj = start + i * size;
                if (!free.contains(obj)) out.add(DrgnObject.ofLong(k.context(), ptrType, obj));
            }
        }
        return out;
    }

    /** Adds the objects of a SLUB freelist from {@code first}, bounded (a cycle ends it). */
    private static void freelist(KernelObjects k, DrgnObject cache, long first, Set<Long> into) {
        long offset = Objs.val(cache.member("offset"));
        boolean hardened = Objs.hasMember(cache.type(), "random");
        long random = hardened ? Objs.val(cache.member("random")) : 0;
        long ptr = first;
        for (int n = 0; ptr != 0 && n < (1 << 20) && into.add(ptr); n++) {
            long at = ptr + offset;
            long stored = k.readU64(at);
            ptr = hardened ? stored ^ random ^ Long.reverseBytes(at) : stored;
        }
    }
}
