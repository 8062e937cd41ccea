package org.jdrgn.unwind;

import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.Cursor;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.unwind.tables.CfiRow;

/**
 * A DWARF stack-machine evaluator for the value-computing expressions of CFI (DWARF 5
 * §2.5.1): literals and constants, register-relative values, stack manipulation,
 * arithmetic and logic, dereferences, comparisons and branches. Location ops (DW_OP_reg*,
 * pieces) are not CFI's and are refused. Bounded: a step limit ends loops made by
 * backward branches, and the stack has a fixed depth.
 */
public final class DwarfExpression {
    public static final int MAX_STEPS = 10_000;
    private static final int MAX_STACK = 1_000;

    private DwarfExpression() {}

    /**
     * Evaluates {@code expr} with {@code initial} pushed first (bottom to top) and returns the
     * top of the stack.
     */
    public static long evaluate(ByteSlice expr, ExpressionContext ctx, long... initial) {
        long[] stack = new long[MAX_STACK];
        int sp = 0;
        for (long v : initial) stack[sp++] = v;
        Cursor c = new Cursor(expr, 0);
        for (int steps = 0; !c.atEnd(); steps++) {
            if (steps >= MAX_STEPS) throw new UnwindException(where(expr, c) + "expression exceeds " + MAX_STEPS + " steps");
            long opAt = c.pos();
            int op = c.u8();
            int need = needs(op);
            if (sp < need) throw new UnwindException(where(expr, c) + "stack underflow at opcode 0x" + Integer.toHexString(op));
            if (sp >= MAX_STACK - 1) throw new UnwindException(where(expr, c) + "stack overflow");
            if (op >= 0x30 && op <= 0x4f) { stack[sp++] = op - 0x30; continue; }           // lit0..31
            if (op >= 0x50 && op <= 0x6f) throw new UnwindException(where(expr, c) + "register location in a value expression");
            if (op >= 0x70 && op <= 0x8f) { stack[sp++] = ctx.register(op - 0x70) + c.sleb128(); continue; } // breg0..31
            switch (op) {
                case 0x03 -> stack[sp++] = c.u64();                          // addr
                case 0x06 -> stack[sp - 1] = ctx.read(stack[sp - 1], 8);      // deref
                case 0x08 -> stack[sp++] = c.u8();                           // const1u
                case 0x09 -> stack[sp++] = (byte) c.u8();                    // const1s
                case 0x0a -> stack[sp++] = c.u16();
                case 0x0b -> stack[sp++] = (short) c.u16();
                case 0x0c -> stack[sp++] = c.u32();
                case 0x0d -> stack[sp++] = (int) c.u32();
                case 0x0e, 0x0f -> stack[sp++] = c.u64();
                case 0x10 -> stack[sp++] = c.uleb128();                      // constu
                case 0x11 -> stack[sp++] = c.sleb128();                      // consts
                case 0x12 -> { stack[sp] = stack[sp - 1]; sp++; }             // dup
                case 0x13 -> sp--;                                            // drop
                case 0x14 -> { stack[sp] = stack[sp - 2]; sp++; }             // over
                case 0x15 -> {                                                // pick
                    int i = c.u8();
                    if (i >= sp) throw new UnwindException(where(expr, c) + "DW_OP_pick " + i + " beyond stack depth " + sp);
                    stack[sp] = stack[sp - 1 - i]; sp++;
                }
                case 0x16 -> { long t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; } // swap
                case 0x17 -> {                                                // rot
                    long t = stack[sp - 1];
                    stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = stack[sp - 3]; stack[sp - 3] = t;
                }
                case 0x19 -> stack[sp - 1] = Math.abs(stack[sp - 1]);
                case 0x1f -> stack[sp - 1] = -stack[sp - 1];
                case 0x20 -> stack[sp - 1] = ~stack[sp - 1];
                case 0x23 -> stack[sp - 1] += c.uleb128();                   // plus_uconst
                case 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x21, 0x22, 0x24, 0x25, 0x26, 0x27,
                     0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e -> {
                    long b = stack[--sp], a = stack[sp - 1];
                    stack[sp - 1] = binary(op, a, b, m -> new UnwindException(where(expr, c) + m));
                }
                case 0x28 -> { if (stack[--sp] != 0) branch(expr, c); else c.skip(2); } // bra
                case 0x2f -> branch(expr, c);                                 // skip
                case 0x90 ->
                        throw new UnwindException(where(expr, c) + "register location in a value expression");
                case 0x92 -> {                                                // bregx
                    long r = c.uleb128();
                    if (r < 0 || r > CfiRow.MAX_REGISTER) throw new FormatException(expr.what(), opAt, "bad register " + r);
                    stack[sp++] = ctx.register((int) r) + c.sleb128();
                }
                case 0x94 -> {                                                // deref_size
                    int n = c.u8();
                    if (n < 1 || n > 8) throw new FormatException(expr.what(), opAt, "DW_OP_deref_size " + n);
                    stack[sp - 1] = ctx.read(stack[sp - 1], n);
                }
                case 0x96 -> { }                                              // nop
                case 0x9f -> { return stack[sp - 1]; }                        // stack_value: the value is the result
                default -> throw new FormatException(expr.what(), opAt, "unsupported DWARF expression opcode 0x" + Integer.toHexString(op));
            }
        }
        if (sp == 0) throw new UnwindException(where(expr, c) + "expression left an empty stack");
        return stack[sp - 1];
    }

    /** Stack depth an opcode needs. */
    private static int needs(int op) {
        return switch (op) {
            case 0x06, 0x12, 0x13, 0x19, 0x1f, 0x20, 0x23, 0x28, 0x94, 0x9f -> 1;
            case 0x14, 0x16, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x21, 0x22, 0x24, 0x25, 0x26, 0x27,
                 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e -> 2;
            case 0x17 -> 3;
            default -> 0;
        };
    }

    /**
     * The DWARF binary stack operations (DW_OP_and .. DW_OP_ne) on two 64-bit values; shared
     * by the CFI and the variable-location evaluators. {@code error} builds the exception
     * for a division by zero.
     */
    public static long binary(int op, long a, long b, java.util.function.Function<String, RuntimeException> error) {
        return switch (op) {
            case 0x1a -> a & b;
            case 0x1b -> {
                if (b == 0) throw error.apply("division by zero");
                yield a / b;
            }
            case 0x1c -> a - b;
            case 0x1d -> {
                if (b == 0) throw error.apply("modulo by zero");
                yield Long.remainderUnsigned(a, b);
            }
            case 0x1e -> a * b;
            case 0x21 -> a | b;
            case 0x22 -> a + b;
            case 0x24 -> Long.compareUnsigned(b, 64) >= 0 ? 0 : a << b;
            case 0x25 -> Long.compareUnsigned(b, 64) >= 0 ? 0 : a >>> b;
            case 0x26 -> Long.compareUnsigned(b, 64) >= 0 ? (a < 0 ? -1 : 0) : a >> b;
            case 0x27 -> a ^ b;
            case 0x29 -> a == b ? 1 : 0;
            case 0x2a -> a >= b ? 1 : 0;
            case 0x2b -> a > b ? 1 : 0;
            case 0x2c -> a <= b ? 1 : 0;
            case 0x2d -> a < b ? 1 : 0;
            case 0x2e -> a != b ? 1 : 0;
            default -> throw new IllegalStateException("not a binary op: " + op);
        };
    }

    private static void branch(ByteSlice expr, Cursor c) {
        long at = c.pos();
        int delta = (short) c.u16();
        long target = c.pos() + delta;
        if (target < 0 || target > expr.size()) {
            throw new FormatException(expr.what(), at, "branch target " + target + " outside the expression");
        }
        c.seek(target);
    }

    private static String where(ByteSlice expr, Cursor c) {
        return expr.what() + " expression +0x" + Long.toHexString(c.pos()) + ": ";
    }
}
