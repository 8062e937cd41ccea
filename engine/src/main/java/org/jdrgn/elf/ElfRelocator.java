package org.jdrgn.elf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;

/**
 * Places a relocatable x86-64 object (ET_REL, e.g. a kernel module's debug .ko) where it was
 * loaded: each section gets the address {@code address} says (0 for unloaded sections), its
 * symbols become absolute, and the RELA relocations of the non-allocated sections (DWARF:
 * .debug_info, .debug_line, .debug_loclists, .debug_frame, ...) are applied, and those of
 * .orc_unwind_ip (the ORC unwinder reads it from the file). Other allocated sections are left
 * alone: their loaded contents are read from the dump.
 *
 * <p>The result is a new {@link ElfFile} over a private copy of the file, so that every
 * reader (DWARF index, line tables, CFI, symbols) sees final values with a bias of 0. The
 * copy is made once per module, on first use; a .ko is a few hundred KB.
 */
public final class ElfRelocator {
    public static final int R_X86_64_NONE = 0, R_X86_64_64 = 1, R_X86_64_PC32 = 2, R_X86_64_32 = 10,
            R_X86_64_32S = 11, R_X86_64_PC64 = 24;
    private static final int SHT_RELA = 4;
    private static final int SYM_SIZE = 24, RELA_SIZE = 24;

    private ElfRelocator() {}

    /** Where each allocated section was placed, by section index: all a relocated copy depends on besides the file. */
    private record Placement(List<Long> addresses) {}

    /**
     * Like {@link #place}, but the copy is kept on {@code rel} per placement, so later Programs
     * over the same dump (same module load addresses) share it and what is parsed from it
     * (DWARF, CFI, symbols); a module loaded elsewhere gets its own copy. A failure is not kept.
     */
    public static ElfFile placeShared(ElfFile rel, ToLongFunction<SectionHeader> address) {
        List<Long> where = new ArrayList<>();
        for (SectionHeader s : rel.sections()) where.add(s.isAlloc() ? address.applyAsLong(s) : 0L);
        List<Long> fixed = List.copyOf(where);
        return rel.derived(new Placement(fixed), () -> place(rel, s -> fixed.get(s.index())));
    }

    /** The relocated copy of {@code rel}; FormatException naming the section and offset on bad input. */
    public static ElfFile place(ElfFile rel, ToLongFunction<SectionHeader> address) {
        if (rel.type() != ElfConstants.ET_REL) {
            throw new ElfFormatException(rel.name(), "not a relocatable file (e_type " + rel.type() + ")");
        }
        if (rel.machine() != ElfConstants.EM_X86_64) {
            throw new ElfFormatException(rel.name(), "relocations of ELF machine " + rel.machine() + " are not supported");
        }
        List<SectionHeader> sections = rel.sections();
        long[] addr = new long[sections.size()];
        for (SectionHeader s : sections) addr[s.index()] = s.isAlloc() ? address.applyAsLong(s) : 0;
        ByteSlice src = rel.data();
        if (src.size() > Integer.MAX_VALUE - 8) throw new ElfFormatException(rel.name(), "too large to relocate");
        byte[] image = src.bytes(0, (int) src.size());
        Patch out = new Patch(image, rel.name());
        ElfHeader h = rel.header();
        for (SectionHeader s : sections) out.u64(h.shoff() + (long) s.index() * h.shentsize() + 16, addr[s.index()]);
        long[] symbolValues = symbols(rel, addr, out);
        for (SectionHeader r : sections) {
            if (r.type() != SHT_RELA || r.info() <= 0 || r.info() >= sections.size()) continue;
            SectionHeader target = sections.get(r.info());
            if ((target.isAlloc() && !target.name().equals(".orc_unwind_ip")) || !target.hasData() || target.size() == 0) {
                continue;
            }
            if (target.isCompressed()) {
                throw new FormatException(rel.name() + " [" + target.name() + "]", 0,
                        "compressed section with relocations is not supported");
            }
            apply(rel, r, target, addr[target.index()], symbolValues, out);
        }
        return ElfFile.of(ByteSlice.of(image, rel.name()), rel.name());
    }

    /** Makes every defined section-relative symbol absolute; returns the values by symbol index (0 first). */
    private static long[] symbols(ElfFile rel, long[] addr, Patch out) {
        for (SectionHeader s : rel.sections()) {
            if (s.type() != ElfConstants.SHT_SYMTAB || !s.hasData()) continue;
            ByteSlice syms = rel.sectionData(s);
            int n = (int) Math.min(syms.size() / SYM_SIZE, Integer.MAX_VALUE - 8);
            long[] values = new long[n];
            for (int i = 1; i < n; i++) {
                long o = (long) i * SYM_SIZE;
                int shndx = syms.u16(o + 6);
                long v = syms.u64(o + 8);
                if (shndx != ElfConstants.SHN_UNDEF && shndx < ElfConstants.SHN_LORESERVE && shndx < addr.length) {
                    v += addr[shndx];
                    out.u64(s.offset() + o + 8, v);
                }
                values[i] = v;
            }
            return values;
        }
        return new long[1];
    }

    private static void apply(ElfFile rel, SectionHeader r, SectionHeader target, long base, long[] symbols, Patch out) {
        ByteSlice relas = rel.sectionData(r);
        String where = rel.name() + " [" + r.name() + "]";
        long count = relas.size() / RELA_SIZE;
        for (long i = 0; i < count; i++) {
            long o = i * RELA_SIZE;
            long offset = relas.u64(o), info = relas.u64(o + 8), addend = relas.u64(o + 16);
            long sym = info >>> 32;
            int type = (int) info;
            if (sym >= symbols.length) throw new FormatException(where, o, "bad symbol index " + sym);
            long s = symbols[(int) sym] + addend, p = base + offset;
            int width = switch (type) {
                case R_X86_64_NONE -> 0;
                case R_X86_64_64, R_X86_64_PC64 -> 8;
                case R_X86_64_PC32, R_X86_64_32, R_X86_64_32S -> 4;
                default -> throw new FormatException(where, o, "unsupported x86-64 relocation type " + type);
            };
            if (width == 0) continue;
            if (Long.compareUnsigned(offset, target.size() - width) > 0 || target.size() < width) {
                throw new FormatException(where, o, "relocation at 0x" + Long.toHexString(offset)
                        + " is outside " + target.name() + " (size 0x" + Long.toHexString(target.size()) + ")");
            }
            long value = switch (type) {
                case R_X86_64_PC32, R_X86_64_PC64 -> s - p;
                default -> s;
            };
            long at = target.offset() + offset;
            if (width == 8) out.u64(at, value);
            else out.u32(at, value);
        }
    }

    /** Little-endian writes into the copy, bounds-checked. */
    private record Patch(byte[] image, String name) {
        void u64(long at, long v) { put(at, v, 8); }

        void u32(long at, long v) { put(at, v, 4); }

        private void put(long at, long v, int n) {
            if (at < 0 || at > image.length - n) {
                throw new FormatException(name, at, "write of " + n + " bytes outside the file");
            }
            for (int i = 0; i < n; i++) image[(int) at + i] = (byte) (v >>> (8 * i));
        }
    }

    /** The sections a relocatable file has relocations for (for tests and messages). */
    public static List<String> relocatedSections(ElfFile rel) {
        List<String> out = new ArrayList<>();
        for (SectionHeader r : rel.sections()) {
            if (r.type() == SHT_RELA && r.info() > 0 && r.info() < rel.sections().size()) {
                SectionHeader t = rel.sections().get(r.info());
                if (!t.isAlloc() || t.name().equals(".orc_unwind_ip")) out.add(t.name());
            }
        }
        return out;
    }
}
