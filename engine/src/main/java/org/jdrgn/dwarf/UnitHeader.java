package org.jdrgn.dwarf;

import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.Cursor;
import org.jdrgn.bytes.FormatException;

/**
 * A unit header (DWARF 2-5, 32- or 64-bit). Offsets are section-absolute: {@code offset} is
 * where the header starts, {@code dieOffset} the first DIE, {@code end} one past the unit.
 *
 * @param inTypes       true for a DWARF 4 .debug_types unit
 * @param unitType      DW_UT_* (DWARF 5), or the implied one for older versions
 * @param typeSignature type units only, else 0
 * @param typeOffset    type units only (section-absolute), else 0
 * @param dwoId         skeleton/split units only, else 0
 */
public record UnitHeader(boolean inTypes, long offset, long end, Encoding encoding, int unitType,
                         long abbrevOffset, long dieOffset, long typeSignature, long typeOffset,
                         long dwoId) {
    public static final int DW_UT_compile = 1, DW_UT_type = 2, DW_UT_partial = 3, DW_UT_skeleton = 4,
            DW_UT_split_compile = 5, DW_UT_split_type = 6;

    public int version() { return encoding.version(); }

    public boolean isTypeUnit() { return unitType == DW_UT_type || unitType == DW_UT_split_type; }

    /** Parses the header at {@code offset}; checks that the unit fits in the section. */
    public static UnitHeader parse(ByteSlice sec, long offset, boolean inTypes) {
        Cursor c = new Cursor(sec, offset);
        long length = c.u32();
        int offsetSize = 4;
        if (length == 0xffffffffL) {
            length = c.u64();
            offsetSize = 8;
        } else if (length >= 0xfffffff0L) {
            throw new FormatException(sec.what(), offset, "reserved unit length 0x" + Long.toHexString(length));
        }
        long end = c.pos() + length;
        if (length < 0 || end > sec.size() || end < c.pos()) {
            throw new FormatException(sec.what(), offset, "unit length 0x" + Long.toHexString(length)
                    + " runs past the end of the section (size 0x" + Long.toHexString(sec.size()) + ")");
        }
        int version = c.u16();
        if (version < 2 || version > 5) throw new FormatException(sec.what(), offset, "unsupported DWARF version " + version);
        int unitType;
        int addressSize;
        long abbrevOffset;
        if (version >= 5) {
            unitType = c.u8();
            addressSize = c.u8();
            abbrevOffset = c.uN(offsetSize);
        } else {
            abbrevOffset = c.uN(offsetSize);
            addressSize = c.u8();
            unitType = inTypes ? DW_UT_type : DW_UT_compile;
        }
        if (addressSize != 1 && addressSize != 2 && addressSize != 4 && addressSize != 8)
            throw new FormatException(sec.what(), offset, "bad address size " + addressSize);
        long sig = 0, typeOff = 0, dwoId = 0;
        switch (unitType) {
            case DW_UT_compile, DW_UT_partial -> { }
            case DW_UT_skeleton, DW_UT_split_compile -> dwoId = c.u64();
            case DW_UT_type, DW_UT_split_type -> {
                sig = c.u64();
                typeOff = offset + c.uN(offsetSize);
            }
            default -> throw new FormatException(sec.what(), offset, "unknown unit type " + unitType);
        }
        long dieOffset = c.pos();
        if (dieOffset > end) throw new FormatException(sec.what(), offset, "unit header longer than the unit");
        if ((unitType == DW_UT_type || unitType == DW_UT_split_type) && (typeOff < dieOffset || typeOff >= end))
            throw new FormatException(sec.what(), offset, "type offset outside its unit");
        return new UnitHeader(inTypes, offset, end, new Encoding(version, offsetSize, addressSize), unitType,
                abbrevOffset, dieOffset, sig, typeOff, dwoId);
    }
}
