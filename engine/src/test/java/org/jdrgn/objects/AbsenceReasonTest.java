package org.jdrgn.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jdrgn.error.ObjectAbsentException;
import org.junit.jupiter.api.Test;

/** drgn's absence_reason_ and its repr (upstream tests/test_object.py TestAbsent, drgn 0.0.25+). */
class AbsenceReasonTest {
    private final MockProgram p = MockProgram.fromHex(0x1000, "00000000");

    @Test
    void defaultIsOtherAndReprOmitsIt() {
        DrgnObject o = DrgnObject.absent(p.ctx, p.t.get("int"), null);
        assertEquals(AbsenceReason.OTHER, o.absenceReason());
        assertEquals("Object(prog, 'int')", o.repr());
        assertEquals("(int)<absent>", o.toString());
        assertThrows(ObjectAbsentException.class, o::value);
    }

    @Test
    void givenReasonIsKeptAndShownInRepr() {
        DrgnObject o = DrgnObject.absent(p.ctx, p.t.get("int"), null, AbsenceReason.OPTIMIZED_OUT);
        assertEquals(AbsenceReason.OPTIMIZED_OUT, o.absenceReason());
        assertEquals("Object(prog, 'int', absence_reason=AbsenceReason.OPTIMIZED_OUT)", o.repr());
        DrgnObject bits = DrgnObject.absent(p.ctx, p.t.get("int"), 3L, AbsenceReason.NOT_IMPLEMENTED);
        assertEquals("Object(prog, 'int', absence_reason=AbsenceReason.NOT_IMPLEMENTED, bit_field_size=3)", bits.repr());
    }

    @Test
    void valuesAndReferencesHaveNone() {
        assertNull(DrgnObject.ofLong(p.ctx, p.t.get("int"), 5).absenceReason());
        assertNull(DrgnObject.reference(p.ctx, p.t.get("int"), 0x1000, 0, null).absenceReason());
    }
}
