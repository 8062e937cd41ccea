package org.jdrgn.index;

import java.util.List;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.dwarf.DieRef;
import org.jdrgn.dwarf.Dwarf;

/**
 * The table of one {@link DebugIndex#add}: the files it covers (a file, and its supplementary
 * file if that was new) and their names. Entry source {@code 2f} is file f's .debug_info,
 * {@code 2f + 1} its .debug_types.
 */
record Segment(List<Dwarf> files, NameTable table) {
    static int source(int file, boolean inTypes) { return 2 * file + (inTypes ? 1 : 0); }

    IndexEntry decode(String name, long e) {
        DieRef die = die(e);
        int f = EntryCodec.flags(e);
        return new IndexEntry(name, EntryCodec.kind(e), die, (f & EntryCodec.DECLARATION) != 0,
                (f & EntryCodec.EXTERNAL) != 0, (f & EntryCodec.TLS) != 0, -1);
    }

    IndexEntry decodeEnumerator(String name, long e) {
        return new IndexEntry(name, IndexKind.ENUMERATOR, die(e), false, false, false, EntryCodec.enumeratorIndex(e));
    }

    private DieRef die(long e) {
        int src = EntryCodec.source(e);
        long off = EntryCodec.offset(e);
        if (src >= 2 * files.size()) throw new FormatException("index table", off, "entry names source " + src);
        return new DieRef(files.get(src >> 1).unitAt(off, (src & 1) != 0), off);
    }
}
