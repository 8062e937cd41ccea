package org.jdrgn.objects;

/** drgn's {@code repr(obj)}: {@code Object(prog, 'int', value=1)} and its other forms. */
final class ObjectRepr {
    private ObjectRepr() {}

    static String repr(DrgnObject o) {
        StringBuilder sb = new StringBuilder("Object(prog, '").append(o.type.typeName()).append('\'');
        switch (o.kind) {
            case REFERENCE -> {
                sb.append(", address=0x").append(Long.toHexString(o.bits));
                if (o.bitOffset != 0) sb.append(", bit_offset=").append(o.bitOffset);
            }
            case VALUE -> sb.append(", value=").append(PyRepr.of(o.value(), o.u instanceof org.jdrgn.types.PointerType));
            case ABSENT -> {
                if (o.absenceReason != AbsenceReason.OTHER) sb.append(", absence_reason=AbsenceReason.").append(o.absenceReason);
            }
        }
        if (o.bitFieldSize != 0) sb.append(", bit_field_size=").append(o.bitFieldSize);
        return sb.append(')').toString();
    }
}
