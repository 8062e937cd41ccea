package org.jdrgn.unwind;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdrgn.core.RegisterDef;
import org.jdrgn.elf.Symbol;

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
 */
public record StackFrame(PhysicalFrame physical, boolean isInline, Optional<FrameScope> scope,
                         Optional<SourceLocation> source, Optional<Symbol> symbol) {
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
