package org.jdrgn.variables;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.Cursor;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.dwarf.Die;
import org.jdrgn.dwarf.DieRef;
import org.jdrgn.dwarf.Unit;
import org.jdrgn.unwind.DwarfExpression;

/**
 * Evaluates DWARF location descriptions (DWARF 5 §2.5-2.6) of variables in a frame: memory
 * locations, register locations, implicit values (DW_OP_implicit_value, DW_OP_stack_value),
 * implicit pointers, composites of pieces, and the values that need the caller
 * (DW_OP_entry_value, DW_OP_GNU_parameter_ref), the frame base, the CFA or the thread's TLS.
 * Typed-stack operations are accepted with 64-bit generic values (conversions are identity).
 * Whatever the frame cannot supply makes the result {@link Location.Absent}; malformed
 * expressions throw FormatException. Bounded by a step limit and a fixed stack depth.
 */
public final class LocationEvaluator {
    public static final int MAX_STEPS = 10_000;
    private static final int MAX_STACK = 256;

    /** A value the frame cannot supply: the location is absent, not an error. */
    private static final class Unavailable extends RuntimeException {
        Unavailable(String why) { super(why, null, false, false); }
    }

    private final ByteSlice expr;
    private final Unit unit;
    private final LocationContext ctx;
    private final long[] stack = new long[MAX_STACK];
    private int sp;
    private Location simple;                  // a non-memory location set by the last op
    private final List<Location.Piece> pieces = new ArrayList<>();

    private LocationEvaluator(ByteSlice expr, Unit unit, LocationContext ctx) {
        this.expr = expr;
        this.unit = unit;
        this.ctx = ctx;
    }

    /** The location {@code expr} (of {@code unit}) describes in the frame {@code ctx}. */
    public static Location evaluate(ByteSlice expr, Unit unit, LocationContext ctx) {
        LocationEvaluator e = new LocationEvaluator(expr, unit, ctx);
        try {
            return e.run();
        } catch (Unavailable u) {
            return new Location.Absent(u.getMessage());
        }
    }

    /**
     * The value a DWARF expression computes (DW_AT_call_value, DW_AT_frame_base): the top of
     * the stack, or a register's contents for a register location; empty if unavailable.
     */
    public static OptionalLong value(ByteSlice expr, Unit unit, LocationContext ctx) {
        return switch (evaluate(expr, unit, ctx)) {
            case Location.Address a -> OptionalLong.of(a.address());
            case Location.RegisterValue r -> OptionalLong.of(le(r.value()));
            case Location.ImplicitValue v -> v.value().length <= 8 ? OptionalLong.of(le(v.value())) : OptionalLong.empty();
            default -> OptionalLong.empty();
        };
    }

    private Location run() {
        Cursor c = new Cursor(expr, 0);
        if (expr.size() == 0) return new Location.Absent("empty location expression");
        for (int steps = 0; !c.atEnd(); steps++) {
            if (steps >= MAX_STEPS) throw bad(c.pos(), "expression exceeds " + MAX_STEPS + " steps");
            step(c);
        }
        if (!pieces.isEmpty()) {
            if (simple != null || sp > 0) throw bad(c.pos(), "location after the last piece");
            return new Location.Pieces(pieces);
        }
        return current(c.pos());
    }

    /** The location the stack and last op describe (at a piece or the end). */
    private Location current(long at) {
        if (simple != null) return simple;
        if (sp == 0) return new Location.Absent("optimized out");
        return new Location.Address(stack[sp - 1]);
    }

    private void step(Cursor c) {
        long at = c.pos();
        int op = c.u8();
        if (simple != null && op != 0x93 && op != 0x9d) throw bad(at, "operation after a location that must end a piece");
        if (op >= 0x30 && op <= 0x4f) { push(at, op - 0x30); return; }                         // lit0..31
        if (op >= 0x50 && op <= 0x6f) { simple = register(op - 0x50); return; }                 // reg0..31
        if (op >= 0x70 && op <= 0x8f) { push(at, reg(op - 0x70) + c.sleb128()); return; }       // breg0..31
        switch (op) {
            case 0x03 -> push(at, c.uN(unit.encoding().addressSize()) + ctx.bias());             // addr
            case 0xa1, 0xfb -> push(at, unit.addrx(c.uleb128()) + ctx.bias());                   // addrx, GNU_addr_index
            case 0xa2, 0xfc -> push(at, unit.addrx(c.uleb128()));                                // constx, GNU_const_index
            case 0x06 -> { need(at, 1); stack[sp - 1] = ctx.read(stack[sp - 1], 8); }            // deref
            case 0x94 -> { int n = size(c, at); need(at, 1); stack[sp - 1] = ctx.read(stack[sp - 1], n); } // deref_size
            case 0xa6, 0xf6 -> { int n = size(c, at); c.uleb128(); need(at, 1); stack[sp - 1] = ctx.read(stack[sp - 1], n); } // deref_type
            case 0x08 -> push(at, c.u8());
            case 0x09 -> push(at, (byte) c.u8());
            case 0x0a -> push(at, c.u16());
            case 0x0b -> push(at, (short) c.u16());
            case 0x0c -> push(at, c.u32());
            case 0x0d -> push(at, (int) c.u32());
            case 0x0e, 0x0f -> push(at, c.u64());
            case 0x10 -> push(at, c.uleb128());
            case 0x11 -> push(at, c.sleb128());
            case 0x12 -> { need(at, 1); push(at, stack[sp - 1]); }                               // dup
            case 0x13 -> { need(at, 1); sp--; }                                                   // drop
            case 0x14 -> { need(at, 2); push(at, stack[sp - 2]); }                               // over
            case 0x15 -> { int i = c.u8(); need(at, i + 1); push(at, stack[sp - 1 - i]); }        // pick
            case 0x16 -> { need(at, 2); long t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; }
            case 0x17 -> {
                need(at, 3);
                long t = stack[sp - 1];
                stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = stack[sp - 3]; stack[sp - 3] = t;
            }
            case 0x19 -> { need(at, 1); stack[sp - 1] = Math.abs(stack[sp - 1]); }
            case 0x1f -> { need(at, 1); stack[sp - 1] = -stack[sp - 1]; }
            case 0x20 -> { need(at, 1); stack[sp - 1] = ~stack[sp - 1]; }
            case 0x23 -> { need(at, 1); stack[sp - 1] += c.uleb128(); }                          // plus_uconst
            case 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x21, 0x22, 0x24, 0x25, 0x26, 0x27,
                 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e -> {
                need(at, 2);
                long b = stack[--sp];
                stack[sp - 1] = DwarfExpression.binary(op, stack[sp - 1], b, m -> bad(at, m));
            }
            case 0x28 -> { need(at, 1); if (stack[--sp] != 0) branch(c); else c.skip(2); }      // bra
            case 0x2f -> branch(c);                                                               // skip
            case 0x90 -> simple = register(regNumber(c, at));                                    // regx
            case 0x92 -> { int r = regNumber(c, at); push(at, reg(r) + c.sleb128()); }           // bregx
            case 0x91 -> {                                                                        // fbreg
                long off = c.sleb128();
                push(at, ctx.frameBase().orElseThrow(() -> new Unavailable("frame base not known")) + off);
            }
            case 0x9c -> push(at, ctx.cfa().orElseThrow(() -> new Unavailable("CFA not known")));  // call_frame_cfa
            case 0x9b, 0xe0 -> {                                                                  // form_tls_address
                need(at, 1);
                long off = stack[sp - 1];
                stack[sp - 1] = ctx.tlsAddress(off).orElseThrow(() -> new Unavailable("TLS block not known"));
            }
            case 0x96 -> { }                                                                      // nop
            case 0x9e -> {                                                                        // implicit_value
                int n = (int) len(c, c.uleb128());
                simple = new Location.ImplicitValue(expr.bytes(c.pos(), n));
                c.skip(n);
            }
            case 0x9f -> { need(at, 1); simple = new Location.ImplicitValue(leBytes(stack[sp - 1])); }   // stack_value
            case 0xa0, 0xf2 -> {                                                                  // implicit_pointer
                int refSize = unit.encoding().version() <= 2 ? unit.encoding().addressSize() : unit.encoding().offsetSize();
                long target = c.uN(refSize);
                long off = c.sleb128();
                simple = new Location.ImplicitPointer(new DieRef(unit.dwarf().unitAt(target, false), target), off);
            }
            case 0x93 -> piece(at, c.uleb128() * 8, 0);                                           // piece
            case 0x9d -> { long bits = c.uleb128(); piece(at, bits, c.uleb128()); }               // bit_piece
            case 0xa3, 0xf3 -> {                                                                  // entry_value
                long n = c.uleb128();
                ByteSlice sub = expr.slice(c.pos(), len(c, n));
                c.skip(n);
                push(at, ctx.entryValue(sub).orElseThrow(() -> new Unavailable("entry value not known")));
            }
            case 0xfa -> {                                                                        // GNU_parameter_ref
                long rel = c.u32();
                Die p = unit.die(unit.header().offset() + rel);
                push(at, ctx.parameterValue(p).orElseThrow(() -> new Unavailable("parameter value not known")));
            }
            case 0xa4, 0xf4 -> {                                                                  // const_type
                c.uleb128();
                int n = c.u8();
                byte[] b = expr.bytes(c.pos(), (int) len(c, n));
                c.skip(n);
                push(at, le(b));
            }
            case 0xa5, 0xf5 -> { int r = regNumber(c, at); c.uleb128(); push(at, reg(r)); }      // regval_type
            case 0xa8, 0xa9, 0xf7, 0xf9 -> { c.uleb128(); need(at, 1); }                          // convert, reinterpret
            default -> throw bad(at, "unsupported DWARF expression opcode 0x" + Integer.toHexString(op));
        }
    }

    private void piece(long at, long bitSize, long bitOffset) {
        Location l = simple != null ? simple : sp > 0 ? new Location.Address(stack[sp - 1]) : new Location.Absent("optimized out");
        pieces.add(new Location.Piece(l, bitSize, bitOffset));
        simple = null;
        sp = 0;
        if (pieces.size() > MAX_STACK) throw bad(at, "too many pieces");
    }

    private Location register(int r) {
        OptionalLong v = ctx.register(r);
        return v.isPresent() ? new Location.RegisterValue(r, leBytes(v.getAsLong()))
                : new Location.Absent("register " + r + " not known in this frame");
    }

    private long reg(int r) {
        return ctx.register(r).orElseThrow(() -> new Unavailable("register " + r + " not known in this frame"));
    }

    private int regNumber(Cursor c, long at) {
        long r = c.uleb128();
        if (r < 0 || r > 0xffff) throw bad(at, "bad register number " + r);
        return (int) r;
    }

    private int size(Cursor c, long at) {
        int n = c.u8();
        if (n < 1 || n > 8) throw bad(at, "bad operand size " + n);
        return n;
    }

    private long len(Cursor c, long n) {
        if (n < 0 || n > expr.size() - c.pos()) throw bad(c.pos(), "operand runs past the expression");
        return n;
    }

    private void push(long at, long v) {
        if (sp >= MAX_STACK) throw bad(at, "stack overflow");
        stack[sp++] = v;
    }

    private void need(long at, int n) {
        if (sp < n) throw bad(at, "stack underflow");
    }

    private void branch(Cursor c) {
        long at = c.pos();
        int delta = (short) c.u16();
        long target = c.pos() + delta;
        if (target < 0 || target > expr.size()) throw bad(at, "branch target " + target + " outside the expression");
        c.seek(target);
    }

    private FormatException bad(long at, String msg) { return new FormatException(expr.what(), at, msg); }

    static byte[] leBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (8 * i));
        return b;
    }

    static long le(byte[] b) {
        long v = 0;
        for (int i = Math.min(8, b.length) - 1; i >= 0; i--) v = (v << 8) | (b[i] & 0xff);
        return v;
    }
}
