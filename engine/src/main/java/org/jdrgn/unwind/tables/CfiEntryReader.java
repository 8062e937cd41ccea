package org.jdrgn.unwind.tables;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.Cursor;
import org.jdrgn.bytes.FormatException;

/**
 * Decodes CIEs and FDEs of one .eh_frame or .debug_frame section on demand (DWARF 5 §6.4.1,
 * LSB for the .eh_frame differences: CIE id 0, relative CIE pointers, augmentations,
 * pointer encodings). CIEs are cached by offset; nothing else is kept.
 */
final class CfiEntryReader {
    /** An entry's frame: where its contents start and end, and whether it is a CIE. */
    record Header(long offset, long contentStart, long end, boolean isCie, long ciePointer) {}

    private final ByteSlice data;
    private final boolean ehFrame;
    private final int addressSize;
    private final PointerEncoding.Bases bases;
    private final Map<Long, Cie> cies = new ConcurrentHashMap<>();

    /**
     * @param data         the section's bytes
     * @param ehFrame      .eh_frame (true) or .debug_frame
     * @param sectionAddr  the section's link-time address (for pcrel pointers)
     */
    CfiEntryReader(ByteSlice data, boolean ehFrame, int addressSize, long sectionAddr) {
        this.data = data;
        this.ehFrame = ehFrame;
        this.addressSize = addressSize;
        this.bases = new PointerEncoding.Bases(sectionAddr, 0, 0);
    }

    ByteSlice data() { return data; }

    boolean isEhFrame() { return ehFrame; }

    PointerEncoding.Bases bases() { return bases; }

    /** The entry at {@code offset}, or null for a zero terminator / the end of the section. */
    Header header(long offset) {
        if (offset >= data.size()) return null;
        Cursor c = new Cursor(data, offset);
        long length = c.u32();
        boolean dwarf64 = length == 0xffffffffL;
        if (dwarf64) length = c.u64();
        if (length == 0) return null;
        long start = c.pos();
        if (length < 0 || length > data.size() - start) {
            throw new FormatException(data.what(), offset, "CFI entry length 0x" + Long.toHexString(length)
                    + " runs past the section end");
        }
        long idPos = c.pos();
        long id = dwarf64 ? c.u64() : c.u32();
        boolean isCie = ehFrame ? id == 0 : (dwarf64 ? id == -1L : id == 0xffffffffL);
        long ciePointer = isCie ? -1 : (ehFrame ? idPos - id : id);
        return new Header(offset, c.pos(), start + length, isCie, ciePointer);
    }

    Cie cie(long offset) {
        Cie cached = cies.get(offset);
        if (cached != null) return cached;
        Cie cie = parseCie(offset);
        cies.put(offset, cie);
        return cie;
    }

    private Cie parseCie(long offset) {
        Header h = header(offset);
        if (h == null || !h.isCie()) throw new FormatException(data.what(), offset, "no CIE here");
        Cursor c = new Cursor(data, h.contentStart());
        int version = c.u8();
        if (version != 1 && version != 3 && version != 4) {
            throw new FormatException(data.what(), offset, "unsupported CIE version " + version);
        }
        String aug = c.cstring();
        int addrSize = addressSize;
        if (aug.contains("eh")) c.skip(addressSize); // pre-2.95 GCC "eh" data
        if (version >= 4) {
            addrSize = c.u8();
            int segSize = c.u8();
            if (segSize != 0) throw new FormatException(data.what(), offset, "segmented addresses are not supported");
            if (addrSize != 1 && addrSize != 2 && addrSize != 4 && addrSize != 8) {
                throw new FormatException(data.what(), offset, "bad CIE address size " + addrSize);
            }
        }
        long codeAlign = c.uleb128();
        long dataAlign = c.sleb128();
        long ra = version == 1 ? c.u8() : c.uleb128();
        int fdeEnc = PointerEncoding.ABSPTR, lsdaEnc = PointerEncoding.OMIT;
        boolean signal = false, z = aug.startsWith("z");
        if (z) {
            long augLen = c.uleb128();
            long augEnd = c.pos() + augLen;
            if (augLen < 0 || augEnd > h.end()) throw new FormatException(data.what(), offset, "CIE augmentation data too long");
            for (int i = 1; i < aug.length(); i++) {
                switch (aug.charAt(i)) {
                    case 'R' -> fdeEnc = c.u8();
                    case 'L' -> lsdaEnc = c.u8();
                    case 'P' -> PointerEncoding.read(c, c.u8() & ~PointerEncoding.INDIRECT, addrSize, bases);
                    case 'S' -> signal = true;
                    case 'B', 'G' -> { } // AArch64 BTI / MTE markers: nothing to read
                    default -> i = aug.length(); // unknown: the length lets us skip the rest
                }
            }
            c.seek(augEnd);
        } else if (!aug.isEmpty() && !aug.equals("eh")) {
            throw new FormatException(data.what(), offset, "unknown CIE augmentation \"" + aug + "\"");
        }
        if (ra < 0 || ra > CfiRow.MAX_REGISTER) throw new FormatException(data.what(), offset, "bad return address column " + ra);
        if (c.pos() > h.end()) throw new FormatException(data.what(), offset, "CIE header runs past its end");
        return new Cie(offset, version, aug, addrSize, codeAlign, dataAlign, (int) ra, fdeEnc, lsdaEnc, signal, z,
                data.slice(c.pos(), h.end() - c.pos()));
    }

    /** The FDE whose header is {@code h} (must not be a CIE). */
    Fde fde(Header h) {
        if (h.ciePointer() < 0 || h.ciePointer() >= data.size()) {
            throw new FormatException(data.what(), h.offset(), "FDE points to CIE outside the section");
        }
        Cie cie = cie(h.ciePointer());
        Cursor c = new Cursor(data, h.contentStart());
        if (PointerEncoding.isIndirect(cie.fdeEncoding())) {
            throw new FormatException(data.what(), h.offset(), "indirect FDE address encoding");
        }
        long begin = PointerEncoding.read(c, cie.fdeEncoding(), cie.addressSize(), bases);
        long range = PointerEncoding.read(c, cie.fdeEncoding() & 0x0f, cie.addressSize(), bases);
        if (cie.hasAugmentationData()) {
            long augLen = c.uleb128();
            if (augLen < 0 || augLen > h.end() - c.pos()) throw new FormatException(data.what(), h.offset(), "FDE augmentation data too long");
            c.skip(augLen);
        }
        if (c.pos() > h.end()) throw new FormatException(data.what(), h.offset(), "FDE header runs past its end");
        return new Fde(h.offset(), cie, begin, begin + range, data.slice(c.pos(), h.end() - c.pos()));
    }

    /** The FDE at {@code offset}; a FormatException if it is not one. */
    Fde fdeAt(long offset) {
        Header h = header(offset);
        if (h == null || h.isCie()) throw new FormatException(data.what(), offset, "no FDE here");
        return fde(h);
    }
}
