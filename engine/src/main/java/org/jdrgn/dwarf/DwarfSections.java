package org.jdrgn.dwarf;

import java.util.function.Function;
import org.jdrgn.bytes.ByteSlice;

/**
 * The DWARF sections of one file, already decompressed (the ELF layer does that), each null
 * if absent; {@code sup} is the supplementary file (dwz, .gnu_debugaltlink) or null. Every
 * slice is named after its section so that errors say where they happened.
 */
public record DwarfSections(ByteSlice info, ByteSlice abbrev, ByteSlice str, ByteSlice lineStr,
                            ByteSlice strOffsets, ByteSlice addr, ByteSlice rnglists,
                            ByteSlice ranges, ByteSlice loclists, ByteSlice loc, ByteSlice line,
                            ByteSlice types, DwarfSections sup) {

    /** Builds from a lookup "section name -> bytes or null" (e.g. {@code elf::sectionData}). */
    public static DwarfSections of(Function<String, ByteSlice> bySection, DwarfSections sup) {
        Function<String, ByteSlice> get = n -> {
            ByteSlice s = bySection.apply(n);
            return s == null || s.what().contains(n) ? s : s.named(s.what() + " [" + n + "]");
        };
        return new DwarfSections(get.apply(".debug_info"), get.apply(".debug_abbrev"),
                get.apply(".debug_str"), get.apply(".debug_line_str"),
                get.apply(".debug_str_offsets"), get.apply(".debug_addr"),
                get.apply(".debug_rnglists"), get.apply(".debug_ranges"),
                get.apply(".debug_loclists"), get.apply(".debug_loc"), get.apply(".debug_line"),
                get.apply(".debug_types"), sup);
    }

    /** The section or a FormatException naming what needed it. */
    static ByteSlice require(ByteSlice s, String section, String neededBy, long offset) {
        if (s == null) throw new org.jdrgn.bytes.FormatException(neededBy, offset, "no " + section + " section");
        return s;
    }
}
