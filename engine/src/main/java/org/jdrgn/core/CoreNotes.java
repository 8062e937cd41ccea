package org.jdrgn.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;

/** Decoders for the Linux 64-bit core-file notes (layouts of include/uapi/linux/elfcore.h). */
final class CoreNotes {
    private CoreNotes() {}

    static PrStatus prstatus(ByteSlice d, RegisterLayout layout) {
        ByteSlice regs = d.slice(layout.prRegOffset(), layout.prRegSize(), d.what() + " [pr_reg]");
        return new PrStatus(d.s32(32), d.u16(12), d.s32(36), d.s32(40), d.s32(44), regs, layout);
    }

    static PrPsInfo prpsinfo(ByteSlice d) {
        return new PrPsInfo(d.u8(0), fixedString(d, 40, 16), fixedString(d, 56, 80), d.s32(24),
                d.s32(28), d.s32(16), d.s32(20));
    }

    static SigInfo siginfo(ByteSlice d) {
        return new SigInfo(d.s32(0), d.s32(4), d.s32(8), d.size() >= 24 ? d.u64(16) : 0);
    }

    static List<AuxvEntry> auxv(ByteSlice d) {
        List<AuxvEntry> out = new ArrayList<>();
        for (long o = 0; o + 16 <= d.size(); o += 16) {
            long key = d.u64(o);
            if (key == 0) break; // AT_NULL
            out.add(new AuxvEntry(key, d.u64(o + 8)));
        }
        return List.copyOf(out);
    }

    /** NT_FILE: count, page size, count (start, end, offset-in-pages) triples, then count paths. */
    static List<FileMapping> files(ByteSlice d) {
        long count = d.u64(0), pageSize = d.u64(8);
        if (count < 0 || count > (d.size() - 16) / 24) {
            throw new FormatException(d.what(), 0, "NT_FILE count " + count + " does not fit in the note");
        }
        long names = 16 + count * 24;
        List<FileMapping> out = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            long o = 16 + i * 24;
            String path = d.cstring(names);
            names += d.cstrlen(names) + 1;
            out.add(new FileMapping(d.u64(o), d.u64(o + 8), d.u64(o + 16) * pageSize, path));
        }
        return List.copyOf(out);
    }

    private static String fixedString(ByteSlice d, long off, int max) {
        byte[] b = d.bytes(off, max);
        int n = 0;
        while (n < max && b[n] != 0) n++;
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }
}
