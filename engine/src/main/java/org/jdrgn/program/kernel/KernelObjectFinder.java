package org.jdrgn.program.kernel;

import org.jdrgn.program.DebugInfo;
import org.jdrgn.program.DwarfObjectFinder;
import org.jdrgn.program.Module;
import org.jdrgn.program.ObjectFinder;
import org.jdrgn.elf.Symbol;
import java.util.EnumSet;
import java.util.Optional;
import org.jdrgn.index.IndexEntry;
import org.jdrgn.index.IndexKind;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.objects.ObjectContext;

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
        this.dwarf = new DwarfObjectFinder(debug, ctx, () -> null, this::place); // the kernel has no TLS
        this.ctx = ctx;
        this.vmlinux = vmlinux;
        this.linkStart = linkStart;
        this.linkEnd = linkEnd;
    }

    @Override
    public DrgnObject find(String name, int flags, String filename) {
        DrgnObject o = dwarf.find(name, flags, filename);
        if (o != null) return o;
        if ((flags & VARIABLE) == 0) return null;
        return declared(name, filename);
    }

    /** vmlinux's image moves by the KASLR offset, its per-CPU offsets do not; modules are placed already. */
    private long place(Optional<Module> module, long dwarfAddress) {
        if (module.isEmpty() || module.get() != vmlinux) return DwarfObjectFinder.Placement.BIAS.address(module, dwarfAddress);
        if (Long.compareUnsigned(dwarfAddress - linkStart, linkEnd - linkStart) < 0) return dwarfAddress + vmlinux.bias();
        return dwarfAddress;
    }

    private DrgnObject declared(String name, String filename) {
        Optional<IndexEntry> e = debug.index().findObject(name, filename, EnumSet.of(IndexKind.VARIABLE));
        if (e.isEmpty() || !e.get().declaration()) return null;
        Optional<Symbol> sym = vmlinux.symbols().lookup(name);
        if (sym.isEmpty()) return null;
        return DrgnObject.reference(ctx, debug.types().typeOf(e.get().die().die()), sym.get().address(), 0, null);
    }
}
