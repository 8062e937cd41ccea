package org.jdrgn.program;

import org.jdrgn.elf.Symbol;
import java.util.EnumSet;
import java.util.Optional;
import org.jdrgn.dwarf.Die;
import org.jdrgn.dwarf.DwAt;
import org.jdrgn.index.IndexEntry;
import org.jdrgn.index.IndexKind;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.objects.ObjectContext;
import org.jdrgn.types.VoidType;

/**
 * vmlinux's objects from DWARF, placed as drgn places them: KASLR moves the kernel image but
 * not per-CPU variables, whose DWARF addresses are offsets into the per-CPU area (outside the
 * image's link-time range), so those keep their DWARF address. A variable DWARF only
 * declares (x86-64's {@code jiffies}, a linker alias of jiffies_64) is found at its ELF
 * symbol, which drgn 0.0.22 fails to do.
 */
final class KernelObjectFinder implements ObjectFinder {
    private final DebugInfo debug;
    private final ObjectFinder dwarf;
    private final ObjectContext ctx;
    private final Module vmlinux;
    private final long linkStart, linkEnd;

    /** [linkStart, linkEnd): vmlinux's image (_text to _end) at link time. */
    KernelObjectFinder(DebugInfo debug, ObjectContext ctx, Module vmlinux, long linkStart, long linkEnd) {
        this.debug = debug;
        this.dwarf = new DwarfObjectFinder(debug, ctx, () -> null); // the kernel has no TLS
        this.ctx = ctx;
        this.vmlinux = vmlinux;
        this.linkStart = linkStart;
        this.linkEnd = linkEnd;
    }

    @Override
    public DrgnObject find(String name, int flags, String filename) {
        DrgnObject o = dwarf.find(name, flags, filename);
        if (o != null) return unbiasPerCpu(typed(o, name, flags, filename));
        if ((flags & VARIABLE) == 0) return null;
        return declared(name, filename);
    }

    /**
     * The kernel defines most globals in a DIE that names its declaration with
     * DW_AT_specification and carries no DW_AT_type itself: the type is the declaration's.
     */
    private DrgnObject typed(DrgnObject o, String name, int flags, String filename) {
        if (!(o.type() instanceof VoidType) || o.address() == null || (flags & VARIABLE) == 0) return o;
        Optional<IndexEntry> e = debug.index().findObject(name, filename,
                EnumSet.of(IndexKind.VARIABLE, IndexKind.FUNCTION_STATIC));
        if (e.isEmpty() || e.get().declaration()) return o;
        Die die = e.get().die().die();
        for (int depth = 0; depth < 4 && die != null && !die.has(DwAt.type); depth++) die = die.ref(DwAt.specification);
        if (die == null || !die.has(DwAt.type)) return o;
        return DrgnObject.reference(ctx, debug.types().typeOf(die), o.address(), 0, null);
    }

    private DrgnObject unbiasPerCpu(DrgnObject o) {
        Long a = o.address();
        if (a == null || vmlinux.bias() == 0) return o;
        long link = a - vmlinux.bias();
        if (Long.compareUnsigned(link - linkStart, linkEnd - linkStart) < 0) return o;
        return DrgnObject.reference(ctx, o.type(), link, 0, null);
    }

    private DrgnObject declared(String name, String filename) {
        Optional<IndexEntry> e = debug.index().findObject(name, filename, EnumSet.of(IndexKind.VARIABLE));
        if (e.isEmpty() || !e.get().declaration()) return null;
        Optional<Symbol> sym = vmlinux.symbols().lookup(name);
        if (sym.isEmpty()) return null;
        return DrgnObject.reference(ctx, debug.types().typeOf(e.get().die().die()), sym.get().address(), 0, null);
    }
}
