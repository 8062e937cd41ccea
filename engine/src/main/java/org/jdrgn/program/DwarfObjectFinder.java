package org.jdrgn.program;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jdrgn.dwarf.Die;
import org.jdrgn.dwarf.DwAt;
import org.jdrgn.dwarf.VariableLocation;
import org.jdrgn.error.LookupException;
import org.jdrgn.index.IndexEntry;
import org.jdrgn.index.IndexKind;
import org.jdrgn.objects.AbsenceReason;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.objects.ObjectContext;
import org.jdrgn.types.EnumType;
import org.jdrgn.types.Type;

/**
 * Globals, functions, statics (file and function scope) and enumerators from DWARF, as
 * reference or value objects at their loaded addresses (DWARF address + module bias).
 */
public final class DwarfObjectFinder implements ObjectFinder {
    private final DebugInfo debug;
    private final ObjectContext ctx;
    private final java.util.function.Supplier<ProgramThread> threads;   // whose TLS a global TLS name means
    private final Placement place;

    /** Where a DWARF address of a module is at run time. */
    public interface Placement {
        long address(Optional<Module> module, long dwarfAddress);

        /** The module's bias added (0 without a module). */
        Placement BIAS = (m, a) -> a + m.map(Module::bias).orElse(0L);
    }

    public DwarfObjectFinder(DebugInfo debug, ObjectContext ctx, java.util.function.Supplier<ProgramThread> threads) {
        this(debug, ctx, threads, Placement.BIAS);
    }

    public DwarfObjectFinder(DebugInfo debug, ObjectContext ctx, java.util.function.Supplier<ProgramThread> threads, Placement place) {
        this.debug = debug;
        this.ctx = ctx;
        this.threads = threads;
        this.place = place;
    }

    @Override
    public DrgnObject find(String name, int flags, String filename) {
        Set<IndexKind> kinds = EnumSet.noneOf(IndexKind.class);
        if ((flags & CONSTANT) != 0) kinds.add(IndexKind.ENUMERATOR);
        if ((flags & FUNCTION) != 0) kinds.add(IndexKind.FUNCTION);
        if ((flags & VARIABLE) != 0) {
            kinds.add(IndexKind.VARIABLE);
            kinds.add(IndexKind.FUNCTION_STATIC);
        }
        if (kinds.isEmpty()) return null;
        Optional<IndexEntry> found = debug.index().findObject(name, filename, kinds);
        if (found.isEmpty() || found.get().declaration()) return null;
        IndexEntry e = found.get();
        Die die = e.die().die();
        Optional<Module> module = debug.moduleOf(e.die().unit().dwarf());
        return switch (e.kind()) {
            case ENUMERATOR -> {
                EnumType t = (EnumType) debug.types().type(die);
                yield DrgnObject.ofLong(ctx, t, t.enumerators().get(e.enumeratorIndex()).value());
            }
            case FUNCTION -> {
                Type t = debug.types().type(die);
                // a function with no code of its own (inlined everywhere): drgn says optimized out
                if (!die.has(DwAt.low_pc)) yield DrgnObject.absent(ctx, t, null, AbsenceReason.OPTIMIZED_OUT);
                yield DrgnObject.reference(ctx, t, place.address(module, die.address(DwAt.low_pc)), 0, null);
            }
            default -> variable(die, module);
        };
    }

    private DrgnObject variable(Die die, Optional<Module> module) {
        Type t = debug.types().typeOf(die);
        return switch (VariableLocation.of(die)) {
            case VariableLocation.Address a -> DrgnObject.reference(ctx, t, place.address(module, a.address()), 0, null);
            case VariableLocation.ThreadLocal tls -> {
                // A global TLS name has no thread of its own: like gdb, use the crashed thread's copy.
                ProgramThread thread = threads.get();
                if (thread == null || module.isEmpty()) {
                    throw new LookupException("thread-local variable '" + die.name() + "' needs a thread");
                }
                yield DrgnObject.reference(ctx, t, ThreadLocalStorage.address(thread, module.get(), tls.offset()), 0, null);
            }
            case VariableLocation.Other o -> DrgnObject.absent(ctx, t, null);
            case null -> DrgnObject.absent(ctx, t, null, AbsenceReason.OPTIMIZED_OUT);   // no location at all
        };
    }
}
