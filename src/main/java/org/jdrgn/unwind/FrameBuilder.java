package org.jdrgn.unwind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdrgn.dwarf.Die;
import org.jdrgn.dwarf.DwAt;
import org.jdrgn.error.DrgnException;
import org.jdrgn.program.Module;
import org.jdrgn.elf.Symbol;

/**
 * Physical frame -> logical frames: the chain of scopes at the frame's lookup pc is cut at each
 * function and inlined call; each piece becomes a frame, innermost first. The innermost frame's
 * source is the line table at the pc, each outer one's the call site (DW_AT_call_file/line/column)
 * of the inline call inside it. Damaged DWARF never fails a frame: it falls back to a frame
 * without debug info, printed by symbol.
 */
final class FrameBuilder {
    private final Function<Module, Optional<ModuleDwarf>> dwarfOf;

    FrameBuilder(Function<Module, Optional<ModuleDwarf>> dwarfOf) {
        this.dwarfOf = dwarfOf;
    }

    List<StackFrame> frames(PhysicalFrame f) {
        Optional<Symbol> symbol = f.module().flatMap(m -> m.symbols().lookup(f.lookupPc()));
        Optional<SourceLocation> source = Optional.empty();
        try {
            Optional<ModuleDwarf> dwarf = f.module().flatMap(dwarfOf);
            if (dwarf.isPresent()) {
                List<StackFrame> out = withDwarf(f, dwarf.get(), symbol);
                if (!out.isEmpty()) return out;
                source = dwarf.get().sourceAt(f.lookupPc());       // code with lines but no function DIE
            }
        } catch (DrgnException | IndexOutOfBoundsException | IllegalArgumentException e) {
            // damaged DWARF for this pc: print by symbol
        }
        return List.of(new StackFrame(f, false, Optional.empty(), source, symbol));
    }

    private static List<StackFrame> withDwarf(PhysicalFrame f, ModuleDwarf dwarf, Optional<Symbol> symbol) {
        List<Die> chain = dwarf.scopesAt(f.lookupPc());
        if (chain.isEmpty()) return List.of();
        // split the chain into [function, blocks...] groups, outermost first
        List<FrameScope> groups = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= chain.size(); i++) {
            if (i == chain.size() || Scopes.isFunction(chain.get(i))) {
                groups.add(new FrameScope(dwarf, chain.get(start), chain.subList(start + 1, i)));
                start = i;
            }
        }
        List<StackFrame> out = new ArrayList<>(groups.size());
        Optional<SourceLocation> source = dwarf.source(chain.getFirst().unit(), f.lookupPc());
        for (int i = groups.size() - 1; i >= 0; i--) {
            FrameScope g = groups.get(i);
            out.add(new StackFrame(f, i > 0, Optional.of(g), source, symbol));
            source = callSite(dwarf, g.function());
        }
        return out;
    }

    /** Where an inlined call was made from, or empty if the DIE does not say. */
    private static Optional<SourceLocation> callSite(ModuleDwarf dwarf, Die inlined) {
        Long file = inlined.unsigned(DwAt.call_file);
        Long line = inlined.unsigned(DwAt.call_line);
        if (file == null || line == null) return Optional.empty();
        String path = dwarf.file(inlined.unit(), file);
        if (path == null) return Optional.empty();
        Long column = inlined.unsigned(DwAt.call_column);
        return Optional.of(new SourceLocation(path, line, column == null ? 0 : (int) (long) column));
    }
}
