package org.jdrgn.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdrgn.core.RegisterDef;
import org.jdrgn.elf.Symbol;
import org.jdrgn.unwind.PhysicalFrame;

/**
 * One logical frame of a stack trace (drgn's StackFrame): a physical frame, or one of the
 * inline calls sharing its pc. Inline frames come first, innermost first; the physical
 * function's frame closes the group.
 * @param physical the machine frame (pc, registers, cfa)
 * @param isInline an inlined call rather than the out-of-line function
 * @param scope    the DWARF function and blocks, if the pc has debug info
 * @param source   file, line, column: the line table at the pc for the innermost frame of the
 *                 group, the call site of the next inner inline frame otherwise
 * @param symbol   the ELF symbol containing the pc (the physical function's)
 * @param isTailCall a function the call went through by a tail call, proven by DWARF call sites
 *                 (gdb shows these; drgn 0.0.22 does not): no machine frame of its own, its pc
 *                 the tail call's return address, its registers the caller's
 */
public record StackFrame(PhysicalFrame physical, boolean isInline, Optional<FrameScope> scope,
                         Optional<SourceLocation> source, Optional<Symbol> symbol, boolean isTailCall) {
    /** A frame that is not a tail call. */
    public StackFrame(PhysicalFrame physical, boolean isInline, Optional<FrameScope> scope,
                      Optional<SourceLocation> source, Optional<Symbol> symbol) {
        this(physical, isInline, scope, source, symbol, false);
    }

    /** The function's DWARF name, or null without debug info (drgn 0.0.22's StackFrame.name). */
    public String name() { return scope.map(FrameScope::name).orElse(null); }

    public long pc() { return physical.pc(); }

    public boolean interrupted() { return physical.interrupted(); }

    public OptionalLong sp() { return physical.register("rsp"); }

    /** Registers known in this frame by drgn's name, in the architecture's order. */
    public Map<String, Long> registers() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (RegisterDef d : physical.arch().layout().registers()) {
            OptionalLong v = physical.registers().get(d.dwarfNumber());
            if (v.isPresent()) out.put(d.name(), v.getAsLong());
        }
        return out;
    }
}
