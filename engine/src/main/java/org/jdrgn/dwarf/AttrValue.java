package org.jdrgn.dwarf;

import java.nio.charset.StandardCharsets;
import org.jdrgn.bytes.ByteSlice;

/**
 * A raw attribute value as its form encodes it; indexes (strx, addrx, rnglistx, loclistx) and
 * references are resolved by {@link Die} and {@link Unit}, not here. References are already
 * made section-absolute.
 */
public sealed interface AttrValue {
    /** DW_FORM_addr. */
    record Address(long value) implements AttrValue {}
    /** DW_FORM_addrx*, DW_FORM_GNU_addr_index: an index into .debug_addr from DW_AT_addr_base. */
    record AddressIndex(long index) implements AttrValue {}
    /** DW_FORM_block*. */
    record Block(ByteSlice data) implements AttrValue {}
    /** DW_FORM_exprloc: a DWARF expression. */
    record Exprloc(ByteSlice expr) implements AttrValue {}
    /** DW_FORM_data1/2/4/8 ({@code size} bytes) and DW_FORM_udata (size 0): signedness depends on the attribute. */
    record Data(long value, int size) implements AttrValue {
        /** The value sign-extended from its size (udata is taken as is). */
        public long signed() { return size == 0 || size == 8 ? value : value << (64 - 8 * size) >> (64 - 8 * size); }
    }
    /** DW_FORM_sdata and DW_FORM_implicit_const. */
    record Sdata(long value) implements AttrValue {}
    /** DW_FORM_data16. */
    record Data16(ByteSlice bytes) implements AttrValue {}
    /** DW_FORM_flag, DW_FORM_flag_present. */
    record Flag(boolean value) implements AttrValue {}
    /** A NUL-terminated string at {@code offset} in {@code section} (inline string, strp, line_strp, strp_sup). */
    record Str(ByteSlice section, long offset) implements AttrValue {
        public String value() { return section.cstring(offset); }
        /** Compares without decoding to a String (index build hot path). */
        public boolean equalsAscii(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (offset + b.length >= section.size()) return false;
            for (int i = 0; i < b.length; i++) if ((byte) section.u8(offset + i) != b[i]) return false;
            return section.u8(offset + b.length) == 0;
        }
    }
    /** DW_FORM_strx*, DW_FORM_GNU_str_index: an index into .debug_str_offsets from DW_AT_str_offsets_base. */
    record StrIndex(long index) implements AttrValue {}
    /** A reference into the unit's own section (ref1..8, ref_udata), section-absolute. */
    record UnitRef(long offset) implements AttrValue {}
    /** DW_FORM_ref_addr: a .debug_info offset. */
    record InfoRef(long offset) implements AttrValue {}
    /** DW_FORM_GNU_ref_alt, DW_FORM_ref_sup4/8: a .debug_info offset in the supplementary file. */
    record SupRef(long offset) implements AttrValue {}
    /** DW_FORM_ref_sig8: a type unit signature. */
    record SigRef(long signature) implements AttrValue {}
    /** DW_FORM_sec_offset (and data4/data8 used as one before DWARF 4). */
    record SecOffset(long offset) implements AttrValue {}
    /** DW_FORM_loclistx. */
    record LoclistIndex(long index) implements AttrValue {}
    /** DW_FORM_rnglistx. */
    record RnglistIndex(long index) implements AttrValue {}
}
