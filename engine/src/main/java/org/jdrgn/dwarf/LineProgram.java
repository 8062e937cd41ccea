package org.jdrgn.dwarf;

import java.util.ArrayList;
import java.util.List;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.Cursor;
import org.jdrgn.bytes.FormatException;

/**
 * A .debug_line program (versions 2-5): its header (directory and file tables) and, run
 * through the state machine on first use, its rows sorted within each sequence so that
 * {@link #lookup} is a binary search.
 */
public final class LineProgram {
    private static final int LNCT_path = 1, LNCT_directory_index = 2;

    private final ByteSlice sec;
    private final long offset;
    private final List<String> files;
    private final long programStart, end;
    private final int minInst, maxOps, lineBase, lineRange, opcodeBase, version, addressSize;
    private final boolean defaultIsStmt;
    private final int[] stdLengths;
    private volatile List<LineRow> rows;
    private volatile long[] seqStarts; // per sorted sequence: first address, parallel to seqRows
    private volatile int[][] seqRows;

    private LineProgram(ByteSlice sec, long offset, Unit unit) {
        this.sec = sec;
        this.offset = offset;
        Cursor c = new Cursor(sec, offset);
        long length = c.u32();
        int offSize = 4;
        if (length == 0xffffffffL) { length = c.u64(); offSize = 8; }
        end = c.pos() + length;
        if (length < 0 || end > sec.size() || end < c.pos()) throw err(offset, "line program length runs past the section");
        version = c.u16();
        if (version < 2 || version > 5) throw err(offset, "unsupported line table version " + version);
        int asz = unit.encoding().addressSize();
        if (version >= 5) {
            asz = c.u8();
            c.u8(); // segment selector size
        }
        addressSize = asz;
        long headerLength = c.uN(offSize);
        programStart = c.pos() + headerLength;
        if (programStart > end) throw err(offset, "line program header longer than the program");
        minInst = c.u8();
        maxOps = version >= 4 ? Math.max(1, c.u8()) : 1;
        defaultIsStmt = c.u8() != 0;
        lineBase = (byte) c.u8();
        lineRange = c.u8();
        if (lineRange == 0) throw err(offset, "line_range is 0");
        opcodeBase = c.u8();
        stdLengths = new int[Math.max(opcodeBase, 1)];
        for (int i = 1; i < opcodeBase; i++) stdLengths[i] = c.u8();
        String compDir = unit.compDir();
        List<String> dirs = new ArrayList<>();
        List<String> fs = new ArrayList<>();
        if (version >= 5) {
            readEntries(c, unit, offSize, dirs, null, compDir);
            readEntries(c, unit, offSize, fs, dirs, compDir);
        } else {
            dirs.add(compDir == null ? "" : compDir);
            for (String d = c.cstring(); !d.isEmpty(); d = c.cstring()) dirs.add(join(compDir, d));
            fs.add(unit.name() == null ? "" : join(compDir, unit.name())); // file 0 is unused before v5
            for (String f = c.cstring(); !f.isEmpty(); f = c.cstring()) {
                int dir = (int) c.uleb128();
                c.uleb128();
                c.uleb128();
                fs.add(join(dir < dirs.size() ? dirs.get(dir) : "", f));
            }
        }
        files = List.copyOf(fs);
    }

    /** The program of {@code unit} (its DW_AT_stmt_list), or null if it has none. */
    public static LineProgram of(Unit unit) {
        long off = unit.stmtList();
        if (off < 0) return null;
        ByteSlice sec = unit.dwarf().section(Dwarf.Sec.LINE, unit.section(), unit.header().offset());
        return new LineProgram(sec, off, unit);
    }

    public int version() { return version; }

    /** Full paths of the file table, indexed as DW_AT_decl_file and rows index them (entry 0 unused before DWARF 5). */
    public List<String> files() { return files; }

    /** All rows in program order. */
    public List<LineRow> rows() {
        List<LineRow> r = rows;
        if (r == null) rows = r = run();
        return r;
    }

    /** The row covering {@code address} (the last row at or before it in its sequence), or null. */
    public LineRow rowFor(long address) {
        List<LineRow> all = rows();
        if (seqRows == null) sortSequences(all);
        int[][] seqs = seqRows;
        LineRow best = null;
        for (int[] seq : seqs) {
            LineRow first = all.get(seq[0]);
            LineRow last = all.get(seq[seq.length - 1]);
            if (Long.compareUnsigned(address, first.address()) < 0 || Long.compareUnsigned(address, last.address()) >= 0) continue;
            int lo = 0, hi = seq.length - 1;
            while (lo < hi) { // the last row with address <= target
                int mid = (lo + hi + 1) >>> 1;
                if (Long.compareUnsigned(all.get(seq[mid]).address(), address) <= 0) lo = mid; else hi = mid - 1;
            }
            // several rows may share an address: the last one before the next address wins (as addr2line does)
            best = all.get(seq[lo]);
            break;
        }
        return best;
    }

    /** (file, line, column) of {@code address}, or null if no sequence covers it. */
    public LineLocation lookup(long address) {
        LineRow r = rowFor(address);
        if (r == null) return null;
        String path = r.file() >= 0 && r.file() < files.size() ? files.get(r.file()) : null;
        return new LineLocation(path, r.line(), r.column());
    }

    private synchronized void sortSequences(List<LineRow> all) {
        if (seqRows != null) return;
        List<int[]> seqs = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).endSequence()) {
                if (i > start) {
                    int[] s = new int[i - start + 1];
                    for (int k = 0; k < s.length; k++) s[k] = start + k;
                    seqs.add(s);
                }
                start = i + 1;
            }
        }
        seqRows = seqs.toArray(new int[0][]);
    }

    private List<LineRow> run() {
        List<LineRow> out = new ArrayList<>();
        Cursor c = new Cursor(sec, programStart);
        long address = 0;
        int opIndex = 0, file = 1, column = 0, discriminator = 0;
        long line = 1;
        boolean isStmt = defaultIsStmt;
        // every opcode consumes at least one byte: bounded by the program length
        while (c.pos() < end) {
            long at = c.pos();
            int op = c.u8();
            if (op >= opcodeBase) {
                int adj = op - opcodeBase;
                long adv = adj / lineRange;
                address += minInst * ((opIndex + adv) / maxOps);
                opIndex = (int) ((opIndex + adv) % maxOps);
                line += lineBase + adj % lineRange;
                out.add(new LineRow(address, file, line, column, isStmt, false, discriminator));
                discriminator = 0;
                continue;
            }
            switch (op) {
                case 0 -> {
                    long len = c.uleb128();
                    long next = c.pos() + len;
                    if (len == 0 || next > end) throw err(at, "bad extended opcode length " + len);
                    int ext = c.u8();
                    switch (ext) {
                        case 1 -> {
                            out.add(new LineRow(address, file, line, column, isStmt, true, discriminator));
                            address = 0; opIndex = 0; file = 1; line = 1; column = 0;
                            isStmt = defaultIsStmt; discriminator = 0;
                        }
                        case 2 -> { address = c.uN((int) Math.min(len - 1, 8)); opIndex = 0; }
                        case 3 -> { } // DW_LNE_define_file (pre-DWARF 5, never emitted by modern compilers)
                        case 4 -> discriminator = (int) c.uleb128();
                        default -> { }
                    }
                    c.seek(next);
                }
                case 1 -> {
                    out.add(new LineRow(address, file, line, column, isStmt, false, discriminator));
                    discriminator = 0;
                }
                case 2 -> {
                    long adv = c.uleb128();
                    address += minInst * ((opIndex + adv) / maxOps);
                    opIndex = (int) ((opIndex + adv) % maxOps);
                }
                case 3 -> line += c.sleb128();
                case 4 -> file = (int) c.uleb128();
                case 5 -> column = (int) c.uleb128();
                case 6 -> isStmt = !isStmt;
                case 7, 10, 11 -> { }
                case 8 -> {
                    long adv = (255 - opcodeBase) / lineRange;
                    address += minInst * ((opIndex + adv) / maxOps);
                    opIndex = (int) ((opIndex + adv) % maxOps);
                }
                case 9 -> { address += c.u16(); opIndex = 0; }
                case 12 -> c.uleb128();
                default -> { for (int i = 0; i < stdLengths[op]; i++) c.uleb128(); }
            }
        }
        return List.copyOf(out);
    }

    private void readEntries(Cursor c, Unit unit, int offSize, List<String> out, List<String> dirs, String compDir) {
        int formatCount = c.u8();
        int[] types = new int[formatCount];
        int[] forms = new int[formatCount];
        for (int i = 0; i < formatCount; i++) {
            types[i] = (int) c.uleb128();
            forms[i] = (int) c.uleb128();
        }
        long count = c.uleb128();
        if (count > end - c.pos()) throw err(c.pos(), "too many line table entries: " + count);
        Encoding enc = new Encoding(5, offSize, addressSize);
        for (long n = 0; n < count; n++) {
            String path = null;
            int dir = 0;
            for (int i = 0; i < formatCount; i++) {
                Attribute a = Forms.read(c, types[i], forms[i], 0, enc, 0, unit.dwarf());
                if (types[i] == LNCT_path) path = unit.string(a.value());
                else if (types[i] == LNCT_directory_index && a.value() instanceof AttrValue.Data d) dir = (int) d.value();
            }
            if (path == null) path = "";
            if (dirs == null) out.add(out.isEmpty() ? path : join(compDir, path));
            else out.add(join(dir < dirs.size() ? dirs.get(dir) : "", path));
        }
    }

    private static String join(String dir, String name) {
        if (name.startsWith("/") || dir == null || dir.isEmpty()) return name;
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    private FormatException err(long at, String msg) { return new FormatException(sec.what(), at, msg); }
}
