package org.jdrgn.linux.helpers;

import java.util.ArrayList;
import java.util.List;
import org.jdrgn.error.ValueErrorException;
import org.jdrgn.linux.KernelObjects;
import org.jdrgn.objects.DrgnObject;

/** drgn.helpers.linux.mm's page walk: every struct page * of the memory map, pfn min_low_pfn..max_pfn. */
final class MmHelpers {
    /** More pages than a 64 TiB machine has with 4 KiB pages: a bigger range is a corrupt max_pfn. */
    static final long MAX_PAGES = 1L << 34;

    private MmHelpers() {}

    static void register(HelperRegistry.Table t) {
        t.prog("for_each_page", a -> forEachPage(a.kernel()));
    }

    static List<DrgnObject> forEachPage(KernelObjects k) {
        long lo = Objs.val(k.object("min_low_pfn")), hi = Objs.val(k.object("max_pfn"));
        if (hi - lo > MAX_PAGES || hi < lo) {
            throw new ValueErrorException("min_low_pfn " + lo + " .. max_pfn " + hi + " is not a page range (corrupt)");
        }
        DrgnObject vmemmap = k.object("vmemmap").read();
        long base = Objs.val(vmemmap), size = vmemmap.type().underlying() instanceof org.jdrgn.types.PointerType p
                ? p.referenced().sizeof() : k.type("struct page").sizeof();
        List<DrgnObject> out = new ArrayList<>((int) Math.min(hi - lo, 1 << 20));
        for (long pfn = lo; pfn < hi; pfn++) out.add(Objs.ptr(vmemmap, base + pfn * size));
        return out;
    }
}
