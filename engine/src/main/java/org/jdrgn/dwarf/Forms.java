package org.jdrgn.dwarf;

import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.Cursor;
import org.jdrgn.bytes.FormatException;

/** Sizes, skipping and decoding of attribute values by DW_FORM. */
final class Forms {
    private static final Encoding ANY = new Encoding(5, 4, 8);

    private Forms() {}

    /** Byte size of a value of {@code form}, or -1 if it is variable (LEB128, strings, blocks, indirect). */
    static int fixedSize(int form, Encoding enc) {
        return switch (form) {
            case DwForm.addr -> enc.addressSize();
            case DwForm.data1, DwForm.ref1, DwForm.flag, DwForm.strx1, DwForm.addrx1 -> 1;
            case DwForm.data2, DwForm.ref2, DwForm.strx2, DwForm.addrx2 -> 2;
            case DwForm.strx3, DwForm.addrx3 -> 3;
            case DwForm.data4, DwForm.ref4, DwForm.ref_sup4, DwForm.strx4, DwForm.addrx4 -> 4;
            case DwForm.data8, DwForm.ref8, DwForm.ref_sig8, DwForm.ref_sup8 -> 8;
            case DwForm.data16 -> 16;
            case DwForm.strp, DwForm.sec_offset, DwForm.line_strp, DwForm.strp_sup,
                 DwForm.GNU_ref_alt, DwForm.GNU_strp_alt -> enc.offsetSize();
            case DwForm.ref_addr -> enc.version() <= 2 ? enc.addressSize() : enc.offsetSize();
            case DwForm.flag_present, DwForm.implicit_const -> 0;
            default -> -1;
        };
    }

    static boolean isKnown(int form) {
        return switch (form) {
            case DwForm.block2, DwForm.block4, DwForm.string, DwForm.block, DwForm.block1,
                 DwForm.sdata, DwForm.udata, DwForm.ref_udata, DwForm.indirect, DwForm.exprloc,
                 DwForm.strx, DwForm.addrx, DwForm.loclistx, DwForm.rnglistx,
                 DwForm.GNU_addr_index, DwForm.GNU_str_index -> true;
            default -> fixedSize(form, ANY) >= 0;
        };
    }

    /** Steps over one value; returns the position after it. */
    static long skip(ByteSlice d, long pos, int form, Encoding enc) {
        for (int depth = 0; depth < 8; depth++) {
            int n = fixedSize(form, enc);
            if (n >= 0) { d.check(pos, n); return pos + n; }
            switch (form) {
                case DwForm.string: return pos + d.cstrlen(pos) + 1;
                case DwForm.block1: return checked(d, pos + 1, Raw.u8(d, pos));
                case DwForm.block2: return checked(d, pos + 2, Raw.u16(d, pos));
                case DwForm.block4: return checked(d, pos + 4, Raw.u32(d, pos));
                case DwForm.block, DwForm.exprloc: {
                    int n1 = Raw.u8(d, pos);
                    if (n1 < 0x80) return checked(d, pos + 1, n1);
                    Cursor c = new Cursor(d, pos);
                    long len = c.uleb128();
                    return checked(d, c.pos(), len);
                }
                case DwForm.sdata, DwForm.udata, DwForm.ref_udata, DwForm.strx, DwForm.addrx,
                     DwForm.loclistx, DwForm.rnglistx, DwForm.GNU_addr_index, DwForm.GNU_str_index:
                    return skipLeb(d, pos);
                case DwForm.indirect: {
                    Cursor c = new Cursor(d, pos);
                    form = (int) c.uleb128();
                    pos = c.pos();
                    continue;
                }
                default:
                    throw new FormatException(d.what(), pos, "unknown DW_FORM 0x" + Integer.toHexString(form));
            }
        }
        throw new FormatException(d.what(), pos, "DW_FORM_indirect nested too deeply");
    }

    private static long skipLeb(ByteSlice d, long pos) {
        return pos + Raw.lebLength(d, pos);
    }

    private static long checked(ByteSlice d, long start, long len) {
        d.check(start, len);
        return start + len;
    }

    /**
     * Decodes one value at the cursor (which advances). {@code unitBase} is the unit's section
     * offset for unit-relative references; {@code form} may be DW_FORM_indirect.
     */
    static Attribute read(Cursor c, int name, int form, long implicitConst, Encoding enc,
                          long unitBase, Dwarf dw) {
        ByteSlice d = c.data();
        for (int depth = 0; depth < 8; depth++) {
            long at = c.pos();
            AttrValue v = switch (form) {
                case DwForm.addr -> new AttrValue.Address(c.uN(enc.addressSize()));
                case DwForm.data1 -> new AttrValue.Data(c.u8(), 1);
                case DwForm.data2 -> new AttrValue.Data(c.u16(), 2);
                case DwForm.data4 -> new AttrValue.Data(c.u32(), 4);
                case DwForm.data8 -> new AttrValue.Data(c.u64(), 8);
                case DwForm.udata -> new AttrValue.Data(c.uleb128(), 0);
                case DwForm.sdata -> new AttrValue.Sdata(c.sleb128());
                case DwForm.implicit_const -> new AttrValue.Sdata(implicitConst);
                case DwForm.data16 -> { ByteSlice b = d.slice(at, 16); c.skip(16); yield new AttrValue.Data16(b); }
                case DwForm.flag -> new AttrValue.Flag(c.u8() != 0);
                case DwForm.flag_present -> new AttrValue.Flag(true);
                case DwForm.block1 -> new AttrValue.Block(block(c, c.u8()));
                case DwForm.block2 -> new AttrValue.Block(block(c, c.u16()));
                case DwForm.block4 -> new AttrValue.Block(block(c, c.u32()));
                case DwForm.block -> new AttrValue.Block(block(c, c.uleb128()));
                case DwForm.exprloc -> new AttrValue.Exprloc(block(c, c.uleb128()));
                case DwForm.string -> { c.skip(d.cstrlen(at) + 1L); yield new AttrValue.Str(d, at); }
                case DwForm.strp -> new AttrValue.Str(dw.section(Dwarf.Sec.STR, d, at), c.uN(enc.offsetSize()));
                case DwForm.line_strp -> new AttrValue.Str(dw.section(Dwarf.Sec.LINE_STR, d, at), c.uN(enc.offsetSize()));
                case DwForm.strp_sup, DwForm.GNU_strp_alt -> new AttrValue.Str(dw.supStr(d, at), c.uN(enc.offsetSize()));
                case DwForm.strx, DwForm.GNU_str_index -> new AttrValue.StrIndex(c.uleb128());
                case DwForm.strx1 -> new AttrValue.StrIndex(c.u8());
                case DwForm.strx2 -> new AttrValue.StrIndex(c.u16());
                case DwForm.strx3 -> new AttrValue.StrIndex(u24(c));
                case DwForm.strx4 -> new AttrValue.StrIndex(c.u32());
                case DwForm.addrx, DwForm.GNU_addr_index -> new AttrValue.AddressIndex(c.uleb128());
                case DwForm.addrx1 -> new AttrValue.AddressIndex(c.u8());
                case DwForm.addrx2 -> new AttrValue.AddressIndex(c.u16());
                case DwForm.addrx3 -> new AttrValue.AddressIndex(u24(c));
                case DwForm.addrx4 -> new AttrValue.AddressIndex(c.u32());
                case DwForm.ref1 -> new AttrValue.UnitRef(unitBase + c.u8());
                case DwForm.ref2 -> new AttrValue.UnitRef(unitBase + c.u16());
                case DwForm.ref4 -> new AttrValue.UnitRef(unitBase + c.u32());
                case DwForm.ref8 -> new AttrValue.UnitRef(unitBase + c.u64());
                case DwForm.ref_udata -> new AttrValue.UnitRef(unitBase + c.uleb128());
                case DwForm.ref_addr -> new AttrValue.InfoRef(c.uN(enc.version() <= 2 ? enc.addressSize() : enc.offsetSize()));
                case DwForm.ref_sup4 -> new AttrValue.SupRef(c.u32());
                case DwForm.ref_sup8 -> new AttrValue.SupRef(c.u64());
                case DwForm.GNU_ref_alt -> new AttrValue.SupRef(c.uN(enc.offsetSize()));
                case DwForm.ref_sig8 -> new AttrValue.SigRef(c.u64());
                case DwForm.sec_offset -> new AttrValue.SecOffset(c.uN(enc.offsetSize()));
                case DwForm.loclistx -> new AttrValue.LoclistIndex(c.uleb128());
                case DwForm.rnglistx -> new AttrValue.RnglistIndex(c.uleb128());
                case DwForm.indirect -> null;
                default -> throw new FormatException(d.what(), at, "unknown DW_FORM 0x" + Integer.toHexString(form));
            };
            if (v != null) return new Attribute(name, form, v);
            form = (int) c.uleb128();
        }
        throw new FormatException(d.what(), c.pos(), "DW_FORM_indirect nested too deeply");
    }

    private static long u24(Cursor c) {
        return c.data().order() == java.nio.ByteOrder.LITTLE_ENDIAN
                ? c.u16() | (long) c.u8() << 16 : (long) c.u16() << 8 | c.u8();
    }

    private static ByteSlice block(Cursor c, long len) {
        ByteSlice b = c.data().slice(c.pos(), len);
        c.skip(len);
        return b;
    }
}
