package org.jdrgn.variables;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import java.util.OptionalLong;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.dwarf.Die;
import org.jdrgn.dwarf.Unit;
import org.jdrgn.program.Module;
import org.jdrgn.stack.CallSites;
import org.jdrgn.stack.ModuleDwarf;
import org.jdrgn.unwind.LoadedCore;
import org.junit.jupiter.api.Test;

/** DWARF location expressions on a synthetic frame (registers, memory, CFA, frame base, entry values). */
class LocationEvaluatorTest {
    /** A unit to evaluate in (address size 8): the first of the test executable. */
    static final Unit UNIT = unit();

    static Unit unit() {
        LoadedCore c = LoadedCore.open("threads_O0-dw5-pie.gcore");
        Module main = c.program().target().loadedModules().orElseThrow().main().orElseThrow();
        return ModuleDwarf.of(main).orElseThrow().dwarf().units().getFirst();
    }

    record Ctx(Map<Integer, Long> regs, Map<Long, Long> memory, long bias) implements LocationContext {
        public OptionalLong register(int r) { return regs.containsKey(r) ? OptionalLong.of(regs.get(r)) : OptionalLong.empty(); }
        public long read(long address, int size) {
            Long v = memory.get(address);
            if (v == null) throw new org.jdrgn.error.FaultException("could not read memory", address);
            return size == 8 ? v : v & ((1L << (8 * size)) - 1);
        }
        public OptionalLong cfa() { return OptionalLong.of(0x7000); }
        public OptionalLong frameBase() { return OptionalLong.of(0x6000); }
        public OptionalLong entryValue(ByteSlice expr) {
            return CallSites.registerOf(expr) == 5 ? OptionalLong.of(42) : OptionalLong.empty();
        }
        public OptionalLong parameterValue(Die p) { return OptionalLong.empty(); }
        public OptionalLong tlsAddress(long offset) { return OptionalLong.of(0x9000 + offset); }
    }

    static final Ctx CTX = new Ctx(Map.of(3, 0x5000L, 7, 0x4000L), Map.of(0x5010L, 0x1234L), 0x100000);

    static Location eval(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) b[i] = (byte) bytes[i];
        return LocationEvaluator.evaluate(ByteSlice.of(b, "test"), UNIT, CTX);
    }

    @Test
    void memoryLocations() {
        assertEquals(new Location.Address(0x6000 - 20), eval(0x91, 0x6c));                 // fbreg -20
        assertEquals(new Location.Address(0x7000), eval(0x9c));                            // call_frame_cfa
        assertEquals(new Location.Address(0x5010), eval(0x73, 0x10));                      // breg3 16
        assertEquals(new Location.Address(0x1234), eval(0x73, 0x10, 0x06));                // breg3 16; deref
        assertEquals(new Location.Address(0x100000 + 0x4010), eval(0x03, 0x10, 0x40, 0, 0, 0, 0, 0, 0)); // addr + bias
        assertEquals(new Location.Address(0x9000 + 8), eval(0x38, 0x9b));                 // lit8; form_tls_address
    }

    @Test
    void registersAndImplicitValues() {
        Location.RegisterValue r = assertInstanceOf(Location.RegisterValue.class, eval(0x53));   // reg3
        assertEquals(0x5000, LocationEvaluator.le(r.value()));
        assertInstanceOf(Location.Absent.class, eval(0x55));                              // reg5: not known in this frame
        assertInstanceOf(Location.Absent.class, eval(0x75, 0x00));                        // breg5 0: same
        Location.ImplicitValue v = assertInstanceOf(Location.ImplicitValue.class, eval(0x31, 0x32, 0x22, 0x9f)); // 1+2 stack_value
        assertEquals(3, LocationEvaluator.le(v.value()));
        v = assertInstanceOf(Location.ImplicitValue.class, eval(0x9e, 2, 0xab, 0xcd));     // implicit_value 2 bytes
        assertArrayEquals(new byte[] {(byte) 0xab, (byte) 0xcd}, v.value());
        v = assertInstanceOf(Location.ImplicitValue.class, eval(0xa3, 1, 0x55, 0x9f));     // entry_value(reg5) stack_value
        assertEquals(42, LocationEvaluator.le(v.value()));
        assertInstanceOf(Location.Absent.class, eval(0xa3, 1, 0x54, 0x9f));               // entry_value(reg4): unknown
        assertInstanceOf(Location.Absent.class, eval());                                   // empty: optimized out
    }

    @Test
    void pieces() {
        // reg3 piece 4; (nothing) piece 4; fbreg 0 piece 8
        Location.Pieces p = assertInstanceOf(Location.Pieces.class, eval(0x53, 0x93, 4, 0x93, 4, 0x91, 0x00, 0x93, 8));
        assertEquals(3, p.pieces().size());
        assertEquals(32, p.pieces().get(0).bitSize());
        assertInstanceOf(Location.Absent.class, p.pieces().get(1).location());
        assertEquals(new Location.Address(0x6000), p.pieces().get(2).location());
    }

    @Test
    void malformedExpressionsAreFormatErrors() {
        assertThrows(FormatException.class, () -> eval(0x22));                             // plus on an empty stack
        assertThrows(FormatException.class, () -> eval(0x2f, 0x00, 0x80));                 // skip out of the expression
        assertThrows(FormatException.class, () -> eval(0xff));                             // unknown opcode
        assertThrows(FormatException.class, () -> eval(0x53, 0x31));                       // op after a register location
        assertThrows(FormatException.class, () -> eval(0x30, 0x2f, 0xfd, 0xff));           // endless loop: step limit
    }
}
