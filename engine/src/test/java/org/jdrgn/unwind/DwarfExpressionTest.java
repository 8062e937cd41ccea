package org.jdrgn.unwind;

import static org.junit.jupiter.api.Assertions.*;

import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.error.FaultException;
import org.junit.jupiter.api.Test;

/** The CFI expression evaluator's semantics (DWARF 5 §2.5.1) and its bounds. */
class DwarfExpressionTest {
    /** rsp (7) = 0x1000, rip (16) = 0x401236; memory: the address itself + 1. */
    private static final ExpressionContext CTX = new ExpressionContext() {
        public long register(int r) {
            return switch (r) {
                case 7 -> 0x1000;
                case 16 -> 0x401236;
                default -> throw new UnwindException("register " + r + " unknown");
            };
        }
        public long read(long address, int size) {
            if (address == 0) throw FaultException.unmapped(0);
            return size == 8 ? address + 1 : (address + 1) & ((1L << (8 * size)) - 1);
        }
    };

    private static long eval(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) b[i] = (byte) bytes[i];
        return DwarfExpression.evaluate(ByteSlice.of(b, "test expr"), CTX);
    }

    @Test
    void pltCfaExpression() {
        // What ld writes for .plt: DW_OP_breg7 8; DW_OP_breg16 0; lit15; and; lit11; ge; lit3; shl; plus
        // = rsp + 8, plus 8 once the entry's push has run (offset >= 11 in its 16 bytes).
        long rip = 0x401236; // offset 6 in its entry: before the push
        assertEquals(0x1000 + 8 + ((rip & 15) >= 11 ? 8 : 0),
                eval(0x77, 8, 0x80, 0, 0x3f, 0x1a, 0x3b, 0x2a, 0x33, 0x24, 0x22));
    }

    @Test
    void stackAndArithmetic() {
        assertEquals(7, eval(0x31, 0x28, 0x01, 0x00, 0x35, 0x37, 0x96));          // lit1; bra +1 (over lit5); lit7; nop
        assertEquals(5, eval(0x30, 0x28, 0x01, 0x00, 0x35));                      // lit0; bra not taken; lit5
        assertEquals(-3, eval(0x11, 0x7d));                                      // consts -3
        assertEquals(4, eval(0x37, 0x33, 0x16, 0x1c, 0x1f));                      // lit7 lit3 swap minus neg = -(3 - 7)
        assertEquals(6, eval(0x31, 0x32, 0x33, 0x17, 0x22, 0x22));                // lit1 lit2 lit3 rot plus plus
    }

    @Test
    void derefAndFault() {
        assertEquals(0x1009, eval(0x77, 8, 0x06));                               // *(rsp+8) = rsp+8+1 in CTX
        assertEquals(0x10, eval(0x3f, 0x94, 1));                                 // deref_size 1 of 15 -> 16
        assertThrows(FaultException.class, () -> eval(0x30, 0x06));               // *0
    }

    @Test
    void boundsAndErrors() {
        UnwindException loop = assertThrows(UnwindException.class, () -> eval(0x2f, 0xfd, 0xff)); // skip -3: itself
        assertTrue(loop.getMessage().contains("steps"), loop.getMessage());
        assertThrows(UnwindException.class, () -> eval(0x22));                     // plus on an empty stack
        assertThrows(UnwindException.class, () -> eval(0x31, 0x30, 0x1b));         // 1 / 0
        assertThrows(UnwindException.class, () -> eval(0x75, 0));                  // breg5: rdi unknown here
        assertThrows(UnwindException.class, () -> eval(0x50));                     // DW_OP_reg0 is a location
        FormatException bad = assertThrows(FormatException.class, () -> eval(0x31, 0xe7));
        assertTrue(bad.getMessage().contains("test expr"), bad.getMessage());
        assertThrows(FormatException.class, () -> eval(0x2f, 0x10, 0x00));         // skip past the end
    }
}
