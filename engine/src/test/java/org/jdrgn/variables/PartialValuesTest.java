package org.jdrgn.variables;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.objects.ObjectContext;
import org.jdrgn.types.Type;
import org.jdrgn.unwind.LoadedCore;
import org.junit.jupiter.api.Test;

/**
 * What gdb shows and drgn's object model cannot hold, on the real {@code struct point} of the
 * types test program (int x at offset 0, int y at 4, as gdb's "ptype struct point" shows):
 * a value assembled from DW_OP_piece parts some of which are optimized out (gdb prints the
 * available members, {@code <optimized out>} for the rest), and a DW_OP_implicit_pointer
 * (gdb's {@code <synthetic pointer>}, which it can dereference). No core of testcores/ has
 * either in a frame (checked by evaluating every variable of every frame), so the locations are
 * built by hand.
 */
class PartialValuesTest {
    static final LoadedCore CORE = LoadedCore.open("types_O0-dw5-pie.gcore");
    static final ObjectContext OBJECTS = CORE.program().objectContext();
    static final VariableReader READER = new VariableReader(CORE.program(), OBJECTS);
    static final Type POINT = OBJECTS.type("struct point");

    static Location.Piece reg(long value, int bits) {
        return new Location.Piece(new Location.RegisterValue(3, LocationEvaluator.leBytes(value)), bits, 0);
    }

    static Location.Piece missing(int bits) { return new Location.Piece(new Location.Absent("optimized out"), bits, 0); }

    @Test
    void completePiecesMakeAValue() {
        DrgnObject p = READER.object(POINT, new Location.Pieces(List.of(reg(7, 32), reg(-2, 32))));
        assertEquals(7L, p.member("x").value());
        assertEquals(-2L, p.member("y").value());
    }

    @Test
    void partlyOptimizedOutStructGivesItsAvailableMembers() {
        Location.Pieces pieces = new Location.Pieces(List.of(reg(7, 32), missing(32)));
        assertTrue(READER.object(POINT, pieces).isAbsent(), "drgn has no partly absent object");
        Map<String, DrgnObject> members = READER.availableMembers(POINT, pieces);
        assertEquals(List.of("x"), List.copyOf(members.keySet()));
        assertEquals(7L, members.get("x").value());
        Location.Pieces other = new Location.Pieces(List.of(missing(32), reg(-2, 32)));
        assertEquals(-2L, READER.availableMembers(POINT, other).get("y").value());
        assertTrue(READER.availableMembers(POINT, new Location.Pieces(List.of(missing(64)))).isEmpty());
    }

    @Test
    void implicitPointerDereferencesToTheTargetsValue() {
        Type intPointer = OBJECTS.type("int *");
        DrgnObject value = READER.object(POINT, new Location.Pieces(List.of(reg(7, 32), reg(-2, 32))));
        assertEquals(-2L, READER.pointee(intPointer, value, 4).orElseThrow().value());
        assertEquals(7L, READER.pointee(intPointer, value, 0).orElseThrow().value());
        assertTrue(READER.pointee(intPointer, value, 6).isEmpty(), "past the end of the target");
        DrgnObject inMemory = DrgnObject.reference(OBJECTS, POINT, 0x1000, 0, null);
        assertEquals(0x1004L, READER.pointee(intPointer, inMemory, 4).orElseThrow().address());
        assertTrue(READER.pointee(intPointer, DrgnObject.absent(OBJECTS, POINT, null), 0).isEmpty());
        // the pointer itself has no address to give: absent, as drgn does for what it cannot read
        assertTrue(READER.object(intPointer, new Location.ImplicitPointer(null, 0)).isAbsent());
    }
}
