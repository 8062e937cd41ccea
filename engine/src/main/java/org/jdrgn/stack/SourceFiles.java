package org.jdrgn.stack;

import java.util.ArrayList;
import java.util.List;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.Cursor;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.dwarf.DwarfSections;
import org.jdrgn.dwarf.Unit;

/**
 * A line program's file table with paths joined the way drgn (through libdw) shows them:
 * a relative name is prefixed with its directory entry as written (directory 0 being the
 * unit's DW_AT_comp_dir before DWARF 5), and never with the compilation directory too.
 * So glibc's "../csu/libc-start.c" stays that, where a full path would be
 * "./csu/../csu/libc-start.c". Indexed like {@code LineProgram.files()}.
 */
final class SourceFiles {
    private static final int LNCT_path = 1, LNCT_directory_index = 2;
    private static final int MAX_ENTRIES = 1 << 20;

    private SourceFiles() {}

    static List<String> of(Unit unit) {
        long off = unit.stmtList();
        DwarfSections s = unit.dwarf().sections();
        if (off < 0 || s.line() == null) return List.of();
        ByteSlice sec = s.line();
        Cursor c = new Cursor(sec, off);
        long length = c.u32();
        int offSize = 4;
        if (length == 0xffffffffL) { length = c.u64(); offSize = 8; }
        int version = c.u16();
        if (version < 2 || version > 5) throw new FormatException(sec.what(), off, "unsupported line table version " + version);
        if (version >= 5) c.skip(2);              // address size, segment selector size
        c.uN(offSize);                            // header_length
        c.skip(version >= 4 ? 5 : 4);             // min_inst, [max_ops], default_is_stmt, line_base, line_range
        int opcodeBase = c.u8();
        c.skip(Math.max(0, opcodeBase - 1));
        List<String> dirs = new ArrayList<>(), files = new ArrayList<>();
        if (version >= 5) {
            entries(c, unit, offSize, dirs, null);
            entries(c, unit, offSize, files, dirs);
            return files;
        }
        dirs.add(unit.compDir());
        for (String d = c.cstring(); !d.isEmpty() && dirs.size() < MAX_ENTRIES; d = c.cstring()) dirs.add(d);
        files.add(unit.name() == null ? "" : join(unit.compDir(), unit.name()));
        for (String f = c.cstring(); !f.isEmpty() && files.size() < MAX_ENTRIES; f = c.cstring()) {
            long dir = c.uleb128();
            c.uleb128();
            c.uleb128();
            files.add(join(dir >= 0 && dir < dirs.size() ? dirs.get((int) dir) : null, f));
        }
        return files;
    }

    private static void entries(Cursor c, Unit unit, int offSize, List<String> out, List<String> dirs) {
        int n = c.u8();
        int[] types = new int[n], forms = new int[n];
        for (int i = 0; i < n; i++) {
            types[i] = (int) c.uleb128();
            forms[i] = (int) c.uleb128();
        }
        long count = c.uleb128();
        if (count < 0 || count > MAX_ENTRIES) throw new FormatException(c.data().what(), c.pos(), "too many line table entries: " + count);
        for (long k = 0; k < count; k++) {
            String path = "";
            long dir = 0;
            for (int i = 0; i < n; i++) {
                Object v = value(c, unit, forms[i], offSize);
                if (types[i] == LNCT_path && v instanceof String p) path = p;
                else if (types[i] == LNCT_directory_index && v instanceof Long d) dir = d;
            }
            out.add(dirs == null ? path : join(dir >= 0 && dir < dirs.size() ? dirs.get((int) dir) : null, path));
        }
    }

    /** A String for string forms, a Long for constants, null for what is skipped (MD5, blocks). */
    private static Object value(Cursor c, Unit unit, int form, int offSize) {
        DwarfSections s = unit.dwarf().sections();
        return switch (form) {
            case 0x08 -> c.cstring();                                        // string
            case 0x1f -> s.lineStr().cstring(c.uN(offSize));                 // line_strp
            case 0x0e -> s.str().cstring(c.uN(offSize));                     // strp
            case 0x1a -> unit.strx(c.uleb128());                             // strx
            case 0x25 -> unit.strx(c.u8());
            case 0x26 -> unit.strx(c.u16());
            case 0x27 -> unit.strx(c.u8() | ((long) c.u16() << 8));
            case 0x28 -> unit.strx(c.u32());
            case 0x0b -> (long) c.u8();                                      // data1
            case 0x05 -> (long) c.u16();
            case 0x06 -> c.u32();
            case 0x07 -> c.u64();
            case 0x0f -> c.uleb128();                                        // udata
            case 0x1e -> { c.skip(16); yield null; }                         // data16 (MD5)
            case 0x09 -> { c.skip(c.uleb128()); yield null; }                // block
            default -> throw new FormatException(c.data().what(), c.pos(), "unsupported line table form 0x" + Integer.toHexString(form));
        };
    }

    private static String join(String dir, String name) {
        if (name.startsWith("/") || dir == null || dir.isEmpty()) return name;
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }
}
