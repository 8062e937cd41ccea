package org.jdrgn.unwind.tables;

import org.jdrgn.bytes.Cursor;
import org.jdrgn.bytes.FormatException;

/**
 * DW_EH_PE_* pointer encodings of .eh_frame and .eh_frame_hdr (LSB "Linux Standard Base
 * Core", 10.5): a value format in the low nibble, what it is relative to in bits 4-6, and
 * bit 7 for "the result is the address of the pointer". Addresses come out link-time,
 * as the section's own sh_addr is link-time.
 */
public final class PointerEncoding {
    public static final int ABSPTR = 0x00, ULEB128 = 0x01, UDATA2 = 0x02, UDATA4 = 0x03, UDATA8 = 0x04,
            SLEB128 = 0x09, SDATA2 = 0x0a, SDATA4 = 0x0b, SDATA8 = 0x0c;
    public static final int PCREL = 0x10, TEXTREL = 0x20, DATAREL = 0x30, FUNCREL = 0x40, ALIGNED = 0x50;
    public static final int INDIRECT = 0x80, OMIT = 0xff;

    private PointerEncoding() {}

    /**
     * What relative encodings are relative to.
     * @param sectionAddress link-time address of byte 0 of the cursor's data (for pcrel)
     * @param dataBase       base of datarel (.eh_frame_hdr start for the search table)
     * @param textBase       base of textrel (.text), 0 if unknown
     */
    public record Bases(long sectionAddress, long dataBase, long textBase) {}

    public static boolean isIndirect(int encoding) { return encoding != OMIT && (encoding & INDIRECT) != 0; }

    /** Size in bytes of a fixed-size encoding, or -1 for LEB128. */
    static int fixedSize(int encoding, int addressSize) {
        return switch (encoding & 0x0f) {
            case ABSPTR -> addressSize;
            case UDATA2, SDATA2 -> 2;
            case UDATA4, SDATA4 -> 4;
            case UDATA8, SDATA8 -> 8;
            case ULEB128, SLEB128 -> -1;
            default -> 0;
        };
    }

    /**
     * Reads one encoded pointer at the cursor. For {@link #INDIRECT} the result is the address
     * holding the pointer; the caller dereferences it if it needs the value.
     */
    public static long read(Cursor c, int encoding, int addressSize, Bases bases) {
        long at = c.pos();
        if (encoding == OMIT) throw new FormatException(c.data().what(), at, "read of an omitted pointer");
        long value = switch (encoding & 0x0f) {
            case ABSPTR -> addressSize == 8 ? c.u64() : c.uN(addressSize);
            case ULEB128 -> c.uleb128();
            case UDATA2 -> c.u16();
            case UDATA4 -> c.u32();
            case UDATA8 -> c.u64();
            case SLEB128 -> c.sleb128();
            case SDATA2 -> (short) c.u16();
            case SDATA4 -> (int) c.u32();
            case SDATA8 -> c.u64();
            default -> throw new FormatException(c.data().what(), at,
                    "unknown pointer encoding 0x" + Integer.toHexString(encoding));
        };
        if (value == 0) return 0; // a null pointer stays null whatever it is relative to (as libgcc reads it)
        return switch (encoding & 0x70) {
            case 0 -> value;
            case PCREL -> bases.sectionAddress() + at + value;
            case TEXTREL -> bases.textBase() + value;
            case DATAREL -> bases.dataBase() + value;
            default -> throw new FormatException(c.data().what(), at,
                    "unsupported pointer application 0x" + Integer.toHexString(encoding & 0x70));
        };
    }
}
