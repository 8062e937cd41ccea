package org.jdrgn.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.jdrgn.dwarf.AddressRange;
import org.jdrgn.dwarf.Die;
import org.jdrgn.dwarf.DwAt;
import org.jdrgn.dwarf.RangeLists;
import org.jdrgn.elf.Symbol;
import org.jdrgn.error.DrgnException;
import org.jdrgn.program.Module;
import org.jdrgn.unwind.PhysicalFrame;
import org.jdrgn.unwind.RegisterSet;
import org.jdrgn.unwind.UnwindArch;

/**
 * Physical frame -> logical frames: the chain of scopes at the frame's lookup pc is cut at each
 * function and inlined call; each piece becomes a frame, innermost first. The innermost frame's
 * source is the line table at the pc, each outer one's the call site (DW_AT_call_file/line/column)
 * of the inline call inside it. Damaged DWARF never fails a frame: it falls back to a frame
 * without debug info, printed by symbol.
 * <p>Between a callee and its caller, the functions the call went through by tail calls are
 * added as frames of their own when DWARF call sites prove them (see {@link TailCallChain}),
 * as gdb shows them: one frame per tail call, named by the innermost function at the jump, its
 * pc the tail call's return address and its source the jump's line. drgn 0.0.22 has no such
 * frames; {@link StackFrame#isTailCall()} tells them apart.
 */
final class FrameBuilder {
    private final Function<Module, Optional<ModuleDwarf>> dwarfOf;
    private final TailCallChain tailCalls;

    /** @param tailCalls where tail-call frames come from; null for none */
    FrameBuilder(Function<Module, Optional<ModuleDwarf>> dwarfOf, TailCallChain tailCalls) {
        this.dwarfOf = dwarfOf;
        this.tailCalls = tailCalls;
    }

    /** The logical frames of a thread's physical frames, innermost first, tail-call frames included. */
    List<StackFrame> frames(List<PhysicalFrame> physical) {
        List<StackFrame> out = new ArrayList<>();
        List<StackFrame> callee = null;
        for (PhysicalFrame p : physical) {
            List<StackFrame> group = frames(p);
            if (callee != null) out.addAll(tailFrames(callee, group));
            out.addAll(group);
            callee = group;
        }
        return out;
    }

    /** Frames for the tail calls between a callee's frames and its caller's, innermost first; empty unless proven. */
    private List<StackFrame> tailFrames(List<StackFrame> callee, List<StackFrame> caller) {
        PhysicalFrame below = callee.getFirst().physical(), above = caller.getFirst().physical();
        // a signal frame's "caller" was interrupted, not calling: its pc is no return address
        if (tailCalls == null || below.signalFrame() || above.interrupted()) return List.of();
        StackFrame site = caller.getFirst();
        if (site.scope().isEmpty()) return List.of();
        try {
            OptionalLong entry = entry(callee.getLast());
            if (entry.isEmpty()) return List.of();
            ModuleDwarf dwarf = site.scope().get().dwarf();
            Optional<Die> call = CallSites.at(site, dwarf);
            if (call.isEmpty()) return List.of();
            List<StackFrame> out = new ArrayList<>();
            for (TailCallChain.Site s : tailCalls.between(call.get(), dwarf, entry.getAsLong())) {
                out.add(tailFrame(s, above));
            }
            return out;
        } catch (DrgnException | IndexOutOfBoundsException | IllegalArgumentException e) {
            return List.of();   // damaged DWARF proves nothing
        }
    }

    /** Where a frame's function starts: its DWARF function's first range (gdb's entry pc), else its ELF symbol. */
    private static OptionalLong entry(StackFrame f) {
        if (f.scope().isPresent()) {
            FrameScope s = f.scope().get();
            List<AddressRange> ranges = RangeLists.of(s.function());
            if (!ranges.isEmpty()) return OptionalLong.of(ranges.getFirst().begin() + s.dwarf().bias());
        }
        return f.symbol().map(sym -> OptionalLong.of(sym.address())).orElse(OptionalLong.empty());
    }

    /**
     * A tail call's frame: the caller's registers (callee-saved ones are still the same), pc the
     * call site's return address, sp and CFA as they were at the jump (the callee's CFA, less
     * the return address the real caller pushed on x86-64).
     */
    private static StackFrame tailFrame(TailCallChain.Site s, PhysicalFrame caller) {
        ModuleDwarf dwarf = s.dwarf();
        UnwindArch arch = caller.arch();
        OptionalLong cfa = caller.registers().get(arch.sp());
        RegisterSet regs = caller.registers().with(arch.pc(), s.pc());
        if (cfa.isPresent()) {
            regs = regs.with(arch.sp(), cfa.getAsLong() - (arch == UnwindArch.X86_64 ? arch.wordSize() : 0));
        }
        PhysicalFrame p = new PhysicalFrame(caller.index(), s.pc(), cfa, regs, false, false,
                Optional.of(dwarf.module()), caller.method(), arch);
        long lookup = p.lookupPc();
        Optional<Symbol> symbol = dwarf.module().symbols().lookup(lookup);
        List<FrameScope> groups = groups(dwarf, dwarf.scopesAt(lookup));
        Optional<FrameScope> scope = groups.isEmpty() ? Optional.empty() : Optional.of(groups.getLast());
        Optional<SourceLocation> source = scope.isPresent()
                ? dwarf.source(scope.get().function().unit(), lookup) : dwarf.sourceAt(lookup);
        return new StackFrame(p, false, scope, source, symbol, true);
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
        List<FrameScope> groups = groups(dwarf, chain);
        List<StackFrame> out = new ArrayList<>(groups.size());
        Optional<SourceLocation> source = dwarf.source(chain.getFirst().unit(), f.lookupPc());
        for (int i = groups.size() - 1; i >= 0; i--) {
            FrameScope g = groups.get(i);
            out.add(new StackFrame(f, i > 0, Optional.of(g), source, symbol));
            source = callSite(dwarf, g.function());
        }
        return out;
    }

    /** The scope chain split into [function, blocks...] groups, outermost first. */
    private static List<FrameScope> groups(ModuleDwarf dwarf, List<Die> chain) {
        List<FrameScope> groups = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= chain.size(); i++) {
            if (i == chain.size() || Scopes.isFunction(chain.get(i))) {
                groups.add(new FrameScope(dwarf, chain.get(start), chain.subList(start + 1, i)));
                start = i;
            }
        }
        return groups;
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
