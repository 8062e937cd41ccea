package org.jdrgn.program.kernel;

import org.jdrgn.program.ObjectFinder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jdrgn.error.FaultException;
import org.jdrgn.error.LookupException;
import org.jdrgn.linux.KernelObjects;
import org.jdrgn.linux.VmcoreInfo;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.objects.ObjectContext;
import org.jdrgn.types.PrimitiveType;

/**
 * The constants drgn 0.0.22 gives a kernel program beyond its debug info (they are macros in
 * C, so DWARF has none): PAGE_SHIFT, PAGE_SIZE, PAGE_MASK and UTS_RELEASE from VMCOREINFO,
 * and vmemmap, the base of the struct page array (KASLR moves it: read from vmemmap_base).
 * drgn's helpers (virt_to_page, PHYS_PFN, ...) depend on them. Constants only, and never
 * for a lookup restricted to a file.
 */
final class KernelSpecialObjects implements ObjectFinder {
    /** x86-64's vmemmap without KASLR of the memory layout (4 and 5-level paging). */
    private static final long VMEMMAP_DEFAULT = 0xffffea0000000000L, VMEMMAP_DEFAULT_L5 = 0xffd4000000000000L;

    private final ObjectContext ctx;
    private final VmcoreInfo info;
    private final KernelObjects kernel;

    KernelSpecialObjects(ObjectContext ctx, VmcoreInfo info, KernelObjects kernel) {
        this.ctx = ctx;
        this.info = info;
        this.kernel = kernel;
    }

    @Override
    public DrgnObject find(String name, int flags, String filename) {
        if ((flags & CONSTANT) == 0 || filename != null) return null;
        return switch (name) {
            case "PAGE_SHIFT" -> DrgnObject.ofLong(ctx, ctx.primitive(PrimitiveType.C_INT),
                    Long.numberOfTrailingZeros(info.pageSize()));
            case "PAGE_SIZE" -> DrgnObject.ofLong(ctx, ctx.primitive(PrimitiveType.C_UNSIGNED_LONG), info.pageSize());
            case "PAGE_MASK" -> DrgnObject.ofLong(ctx, ctx.primitive(PrimitiveType.C_UNSIGNED_LONG), -info.pageSize());
            case "UTS_RELEASE" -> utsRelease();
            case "vmemmap" -> DrgnObject.ofLong(ctx, ctx.type("struct page *"), vmemmap());
            default -> null;
        };
    }

    private DrgnObject utsRelease() {
        byte[] s = info.osRelease().getBytes(StandardCharsets.UTF_8);
        byte[] z = Arrays.copyOf(s, s.length + 1); // the terminating NUL is part of the array
        return DrgnObject.fromBytes(ctx, ctx.type("const char [" + z.length + "]"), z, 0, null);
    }

    private long vmemmap() {
        try {
            return KernelObjects.value(kernel.object("vmemmap_base"));
        } catch (LookupException | FaultException e) {
            // a kernel without KASLR of the memory layout, or its page missing from the dump
            return info.pgtableL5Enabled() ? VMEMMAP_DEFAULT_L5 : VMEMMAP_DEFAULT;
        }
    }
}
