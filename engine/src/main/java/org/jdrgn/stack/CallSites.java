package org.jdrgn.stack;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.dwarf.AddressRange;
import org.jdrgn.dwarf.AttrValue;
import org.jdrgn.dwarf.Die;
import org.jdrgn.dwarf.DwAt;
import org.jdrgn.dwarf.DwTag;
import org.jdrgn.dwarf.RangeLists;

/**
 * DWARF call-site information of a caller: the DW_TAG_call_site (DW_TAG_GNU_call_site) whose
 * return address is the caller's pc, and its parameters' values at the call
 * (DW_AT_call_value), which is what DW_OP_entry_value and DW_OP_GNU_parameter_ref refer to.
 */
public final class CallSites {
    /** DIEs looked at when collecting a function's tail calls; more is taken as corrupt input. */
    static final int MAX_DIES = 1 << 16;
    private static final int DW_OP_addr = 0x03;

    private CallSites() {}

    static boolean isCallSite(Die d) { return d.tag() == DwTag.call_site || d.tag() == DwTag.GNU_call_site; }

    /** The call is a tail call (a jump: the callee returns straight to this function's caller). */
    static boolean isTailCall(Die site) { return site.flag(DwAt.call_tail_call) || site.flag(DwAt.GNU_tail_call); }

    /** The link-time return address of a call site (DW_AT_call_return_pc, or DW_AT_low_pc before DWARF 5), or null. */
    static Long returnPc(Die site) {
        Long r = site.address(DwAt.call_return_pc);
        return r != null ? r : site.address(DwAt.low_pc);
    }

    /**
     * The tail call sites of a function: DW_TAG_call_site DIEs marked as tail calls anywhere in
     * its lexical blocks and inlined calls (not in nested functions), in DIE order.
     */
    static List<Die> tailCalls(Die function) {
        List<Die> out = new ArrayList<>();
        Deque<Die> todo = new ArrayDeque<>();
        todo.push(function);
        int seen = 0;
        while (!todo.isEmpty()) {
            List<Die> children = todo.pop().children();
            seen += children.size();
            if (seen > MAX_DIES) return List.of();
            for (int i = children.size() - 1; i >= 0; i--) {
                Die c = children.get(i);
                if (c.tag() == DwTag.lexical_block || c.tag() == DwTag.inlined_subroutine) todo.push(c);
            }
            for (Die c : children) if (isCallSite(c) && isTailCall(c)) out.add(c);
        }
        return out;
    }

    /** Where a call site jumps, provable without a frame (see {@link CallTarget}). */
    static CallTarget target(Die site) {
        ByteSlice expr = expr(site, DwAt.call_target);
        if (expr == null) expr = expr(site, DwAt.GNU_call_site_target);
        if (expr != null) {
            if (expr.size() == 9 && expr.u8(0) == DW_OP_addr) return new CallTarget.Address(expr.u64(1));
            return new CallTarget.Unknown("DW_AT_call_target is not a constant");
        }
        Die origin = site.ref(DwAt.call_origin);
        if (origin == null) origin = site.ref(DwAt.abstract_origin);
        if (origin == null) return new CallTarget.Unknown("no DW_AT_call_origin or DW_AT_call_target");
        if (origin.flag(DwAt.declaration) && !origin.has(DwAt.specification)) {
            String name = origin.string(DwAt.linkage_name);
            if (name == null) name = origin.string(DwAt.MIPS_linkage_name);
            if (name == null) name = DieNames.name(origin);
            return name == null ? new CallTarget.Unknown("declaration without a name") : new CallTarget.Named(name);
        }
        List<AddressRange> ranges = RangeLists.of(origin);
        if (ranges.isEmpty()) return new CallTarget.Unknown("DW_AT_call_origin has no code");
        long low = ranges.getFirst().begin();
        for (AddressRange r : ranges) if (Long.compareUnsigned(r.begin(), low) < 0) low = r.begin();
        return new CallTarget.Address(low);
    }

    /** The call site in {@code caller}'s scopes returning to its pc. */
    public static Optional<Die> at(StackFrame caller, ModuleDwarf dwarf) {
        if (caller.scope().isEmpty()) return Optional.empty();
        long returnPc = caller.pc() - dwarf.bias();
        var scopes = caller.scope().get().all();
        for (int i = scopes.size() - 1; i >= 0; i--) {
            for (Die d : scopes.get(i).children()) {
                if (d.tag() != DwTag.call_site && d.tag() != DwTag.GNU_call_site) continue;
                Long ret = d.address(d.tag() == DwTag.call_site ? DwAt.call_return_pc : DwAt.low_pc);
                if (ret != null && ret == returnPc) return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The DW_AT_call_value of the parameter passed in register {@code reg}. */
    public static Optional<ByteSlice> valueInRegister(Die site, int reg) {
        for (Die p : site.children()) {
            if (!isParameter(p)) continue;
            ByteSlice loc = expr(p, DwAt.location);
            if (loc != null && registerOf(loc) == reg) return Optional.ofNullable(value(p));
        }
        return Optional.empty();
    }

    /** The DW_AT_call_value of the parameter whose DW_AT_call_parameter (or abstract origin) is {@code param}. */
    public static Optional<ByteSlice> valueOf(Die site, Die param) {
        for (Die p : site.children()) {
            if (!isParameter(p)) continue;
            Die target = p.ref(DwAt.call_parameter);
            if (target == null) target = p.ref(DwAt.abstract_origin);
            if (target != null && target.offset() == param.offset() && target.unit() == param.unit()) {
                return Optional.ofNullable(value(p));
            }
        }
        return Optional.empty();
    }

    /** The register a one-operation register location (DW_OP_regN, DW_OP_regx, DW_OP_bregN 0) names, else -1. */
    public static int registerOf(ByteSlice loc) {
        if (loc.size() == 0) return -1;
        int op = loc.u8(0);
        if (op >= 0x50 && op <= 0x6f && loc.size() == 1) return op - 0x50;
        if (op >= 0x70 && op <= 0x8f && loc.size() == 2 && loc.u8(1) == 0) return op - 0x70;
        if (op == 0x90) {
            var c = new org.jdrgn.bytes.Cursor(loc, 1);
            long r = c.uleb128();
            return c.atEnd() && r >= 0 && r < 0x10000 ? (int) r : -1;
        }
        return -1;
    }

    private static boolean isParameter(Die d) {
        return d.tag() == DwTag.call_site_parameter || d.tag() == DwTag.GNU_call_site_parameter;
    }

    private static ByteSlice value(Die p) {
        ByteSlice v = expr(p, DwAt.call_value);
        return v != null ? v : expr(p, DwAt.GNU_call_site_value);
    }

    public static ByteSlice expr(Die d, int at) {
        return switch (d.value(at)) {
            case AttrValue.Exprloc e -> e.expr();
            case AttrValue.Block b -> b.data();
            case null, default -> null;
        };
    }
}
