package org.jdrgn.stack;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdrgn.error.DrgnException;
import org.jdrgn.program.Module;
import org.jdrgn.program.Program;
import org.jdrgn.program.ProgramThread;
import org.jdrgn.unwind.StackTrace;
import org.jdrgn.unwind.Unwinder;

/**
 * drgn's {@code prog.stack_trace()}: the unwinder's physical frames expanded into logical
 * frames with DWARF names, inline calls and source positions, and the tail calls DWARF call
 * sites prove (as gdb shows them; see {@link FrameBuilder}). One per program; the unwinder's
 * CFI and each module's DWARF maps are kept for the program's life.
 */
public final class StackTraces {
    // Program has no slot for engine caches yet: keyed weakly so a closed program is freed.

    private final Program program;
    private final Unwinder unwinder;
    private final Map<Module, Optional<ModuleDwarf>> dwarf = new ConcurrentHashMap<>();
    private final FrameBuilder builder = new FrameBuilder(this::dwarf,
            new TailCallChain(this::dwarf, this::moduleFor, this::symbols, () -> symbols(null)));

    public StackTraces(Program program, Unwinder unwinder) {
        this.program = program;
        this.unwinder = unwinder;
    }

    /** The program's instance (created on first use). */
    public static StackTraces forProgram(Program prog) {
        return prog.cache(StackTraces.class, p -> new StackTraces(p, Unwinder.forProgram(p)));
    }

    public Program program() { return program; }

    public Unwinder unwinder() { return unwinder; }

    public FrameTrace trace(ProgramThread thread) {
        program.target().requireUnwindable(thread);
        return expand(unwinder.unwind(thread));
    }

    public FrameTrace trace(long tid) { return trace(program.thread(tid)); }

    /** Logical frames of already unwound physical frames. */
    public FrameTrace expand(StackTrace physical) {
        return new FrameTrace(builder.frames(physical.frames()), physical.stopReason());
    }

    private Optional<Module> moduleFor(long address) { return unwinder.moduleFor(address); }

    /** prog.symbols(name), or all of them for null; none on error (a bare Program has no symbol tables). */
    private List<org.jdrgn.elf.Symbol> symbols(String nameOrNull) {
        try {
            return program.symbols(nameOrNull);
        } catch (DrgnException e) {
            return List.of();
        }
    }

    /** A module's DWARF, opened once; empty if it has none or its unit headers are unreadable. */
    public Optional<ModuleDwarf> dwarf(Module m) {
        return dwarf.computeIfAbsent(m, k -> {
            try {
                return ModuleDwarf.of(k);
            } catch (DrgnException e) {
                return Optional.empty();
            }
        });
    }
}
