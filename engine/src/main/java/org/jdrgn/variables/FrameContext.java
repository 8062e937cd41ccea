package org.jdrgn.variables;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.dwarf.Die;
import org.jdrgn.dwarf.DwAt;
import org.jdrgn.dwarf.DwTag;
import org.jdrgn.dwarf.LocationListEntry;
import org.jdrgn.dwarf.LocationLists;
import org.jdrgn.elf.ElfConstants;
import org.jdrgn.elf.ProgramHeader;
import org.jdrgn.program.Module;
import org.jdrgn.program.Program;
import org.jdrgn.stack.CallSites;
import org.jdrgn.stack.FrameScope;
import org.jdrgn.stack.FrameTrace;
import org.jdrgn.stack.ModuleDwarf;
import org.jdrgn.stack.StackFrame;
import org.jdrgn.unwind.PhysicalFrame;

/**
 * {@link LocationContext} of one logical frame of a trace: its physical frame's registers and
 * CFA, its function's frame base, the caller's call sites for entry values (evaluated in the
 * caller's own context, to a bounded depth) and the thread's TLS through fs.base.
 */
final class FrameContext implements LocationContext {
    /** Entry values may chain through callers; deeper than this is given up. */
    static final int MAX_CALLER_DEPTH = 8;
    private static final int FS_BASE = 58;

    private final Program program;
    private final FrameTrace trace;
    private final int index;
    private final ModuleDwarf dwarf;
    private final int depth;

    FrameContext(Program program, FrameTrace trace, int index, ModuleDwarf dwarf, int depth) {
        this.program = program;
        this.trace = trace;
        this.index = index;
        this.dwarf = dwarf;
        this.depth = depth;
    }

    private StackFrame frame() { return trace.frames().get(index); }

    private PhysicalFrame physical() { return frame().physical(); }

    @Override public OptionalLong register(int r) { return physical().registers().get(r); }

    @Override
    public long read(long address, int size) {
        byte[] b = program.read(address, size, false);
        return LocationEvaluator.le(b);
    }

    @Override public long bias() { return dwarf.bias(); }

    @Override public OptionalLong cfa() { return physical().cfa(); }

    /** The selected expression of a location attribute at this frame's pc (exprloc, or the matching list entry). */
    ByteSlice expression(Die die, int attribute) {
        ByteSlice e = CallSites.expr(die, attribute);
        if (e != null) return e;
        List<LocationListEntry> list = LocationLists.of(die, attribute);
        if (list == null) return null;
        long pc = physical().lookupPc() - dwarf.bias();
        for (LocationListEntry x : list) {
            if (x.end() == -1 && x.begin() == 0) continue;
            if (Long.compareUnsigned(pc, x.begin()) >= 0 && Long.compareUnsigned(pc, x.end()) < 0) return x.expression();
        }
        for (LocationListEntry x : list) if (x.end() == -1 && x.begin() == 0) return x.expression();
        return null;
    }

    @Override
    public OptionalLong frameBase() {
        Optional<Die> fn = physicalFunction(index);
        if (fn.isEmpty()) return OptionalLong.empty();
        ByteSlice e = expression(fn.get(), DwAt.frame_base);
        return e == null ? OptionalLong.empty() : LocationEvaluator.value(e, fn.get().unit(), this);
    }

    /** The DW_TAG_subprogram of the physical frame that logical frame {@code i} belongs to. */
    private Optional<Die> physicalFunction(int i) {
        PhysicalFrame p = trace.frames().get(i).physical();
        for (int k = i; k < trace.frames().size(); k++) {
            StackFrame f = trace.frames().get(k);
            if (f.physical() != p) break;
            if (f.isInline()) continue;
            // a tail-call frame is named by the innermost inline call at the jump; entry values
            // belong to the out-of-line function around it
            Optional<Die> fn = f.scope().map(FrameScope::function);
            if (fn.isPresent() && fn.get().tag() != DwTag.subprogram) {
                List<Die> chain = f.scope().get().dwarf().scopesAt(f.physical().lookupPc());
                fn = chain.isEmpty() ? Optional.empty() : Optional.of(chain.getFirst());
            }
            return fn;
        }
        return Optional.empty();
    }

    @Override
    public OptionalLong entryValue(ByteSlice expr) {
        int reg = CallSites.registerOf(expr);
        return reg < 0 ? OptionalLong.empty() : callValue(site -> CallSites.valueInRegister(site, reg));
    }

    @Override
    public OptionalLong parameterValue(Die parameter) {
        return callValue(site -> CallSites.valueOf(site, parameter));
    }

    /**
     * A value the caller passed, from its call site returning to the caller's pc, evaluated in
     * the caller; only if that call site calls this frame's function. With tail calls between
     * them (proven ones are frames of their own, see FrameBuilder) the caller is the tail-call
     * frame and its call site the jump. A call site that calls something else, or whose callee
     * is unknown, gives nothing: its values are another function's parameters.
     */
    private OptionalLong callValue(Function<Die, Optional<ByteSlice>> value) {
        Optional<Die> fn = physicalFunction(index);
        Optional<FrameContext> caller = caller();
        if (fn.isEmpty() || caller.isEmpty()) return OptionalLong.empty();
        FrameContext c = caller.get();
        Optional<Die> site = CallSites.at(c.frame(), c.dwarf);
        if (site.isEmpty() || !calls(site.get(), c, fn.get())) return OptionalLong.empty();
        return value.apply(site.get()).map(v -> LocationEvaluator.value(v, site.get().unit(), c)).orElse(OptionalLong.empty());
    }

    /** The call site calls {@code callee}: by DW_AT_call_origin, or by DW_AT_call_target evaluated in the caller. */
    private boolean calls(Die site, FrameContext caller, Die callee) {
        Die origin = CallOrigins.origin(site);
        if (origin == null) return callsTarget(site, caller, callee);
        if (CallOrigins.same(origin, callee)) return true;
        // a declaration is defined by an ELF symbol, maybe an alias (pthread_join for ___pthread_join),
        // in the caller's module or, through the PLT, in the callee's
        Die code = CallOrigins.definition(origin, caller.dwarf);
        if (code == null && caller.dwarf.module() != dwarf.module()) code = CallOrigins.definition(origin, dwarf);
        return code != null && code.offset() == callee.offset() && code.unit() == callee.unit();
    }

    /** An indirect call site (DW_AT_call_target) whose target, evaluated in the caller, is {@code callee}'s entry. */
    private boolean callsTarget(Die site, FrameContext caller, Die callee) {
        ByteSlice target = CallSites.expr(site, DwAt.call_target);
        if (target == null) target = CallSites.expr(site, DwAt.GNU_call_site_target);
        Long low = callee.address(DwAt.low_pc);
        if (target == null || low == null) return false;
        OptionalLong v = LocationEvaluator.value(target, site.unit(), caller);
        return v.isPresent() && v.getAsLong() == low + dwarf.bias();
    }

    /** The context of the innermost logical frame of the physical caller, if it has DWARF. */
    private Optional<FrameContext> caller() {
        if (depth >= MAX_CALLER_DEPTH) return Optional.empty();
        PhysicalFrame p = physical();
        for (int k = index + 1; k < trace.frames().size(); k++) {
            StackFrame f = trace.frames().get(k);
            if (f.physical() == p) continue;
            if (f.scope().isEmpty()) return Optional.empty();
            return Optional.of(new FrameContext(program, trace, k, f.scope().get().dwarf(), depth + 1));
        }
        return Optional.empty();
    }

    /**
     * x86-64 TLS, variant II: the executable's block ends at the thread pointer (fs.base), so a
     * variable is at fs.base - round_up(PT_TLS memsz, align) + offset. Shared libraries' blocks
     * need the dynamic linker's DTV and are not resolved here.
     */
    @Override
    public OptionalLong tlsAddress(long offset) {
        Module m = dwarf.module();
        if (m.kind() != Module.Kind.MAIN || m.loadedFile().isEmpty()) return OptionalLong.empty();
        OptionalLong fs = trace.frames().getFirst().physical().registers().get(FS_BASE);
        if (fs.isEmpty()) return OptionalLong.empty();
        for (ProgramHeader ph : m.loadedFile().get().programHeaders()) {
            if (ph.type() != ElfConstants.PT_TLS) continue;
            long align = Math.max(1, ph.align());
            long size = (ph.memsz() + align - 1) / align * align;
            return OptionalLong.of(fs.getAsLong() - size + offset);
        }
        return OptionalLong.empty();
    }
}
