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
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.objects.ObjectContext;
import org.jdrgn.types.EnumType;
import org.jdrgn.types.Type;

/**
 * Globals, functions, statics (file and function scope) and enumerators from DWARF, as
 * reference or value objects at their loaded addresses (DWARF address + module bias).
 */
final class DwarfObjectFinder implements ObjectFinder {
    private final DebugInfo debug;
    private final ObjectContext ctx;

    DwarfObjectFinder(DebugInfo debug, ObjectContext ctx) {
        this.debug = debug;
        this.ctx = ctx;
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
        long bias = debug.moduleOf(e.die().unit().dwarf()).map(Module::bias).orElse(0L);
        return switch (e.kind()) {
            case ENUMERATOR -> {
                EnumType t = (EnumType) debug.types().type(die);
                yield DrgnObject.ofLong(ctx, t, t.enumerators().get(e.enumeratorIndex()).value());
            }
            case FUNCTION -> {
                Type t = debug.types().type(die);
                if (!die.has(DwAt.low_pc)) yield DrgnObject.absent(ctx, t, null);
                yield DrgnObject.reference(ctx, t, die.address(DwAt.low_pc) + bias, 0, null);
            }
            default -> variable(die, bias);
        };
    }

    private DrgnObject variable(Die die, long bias) {
        Type t = debug.types().typeOf(die);
        return switch (VariableLocation.of(die)) {
            case VariableLocation.Address a -> DrgnObject.reference(ctx, t, a.address() + bias, 0, null);
            case VariableLocation.ThreadLocal tls -> throw new LookupException(
                    "thread-local variable '" + die.name() + "' needs a thread: read it from a stack frame");
            case VariableLocation.Other o -> DrgnObject.absent(ctx, t, null);
            case null -> DrgnObject.absent(ctx, t, null);
        };
    }
}
