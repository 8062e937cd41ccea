package org.jdrgn.unwind.tables;

import java.util.Arrays;
import java.util.Optional;
import org.jdrgn.bytes.FormatException;

/**
 * FDE start addresses of a whole section, sorted, built on first use by one pass over the
 * entries. A malformed entry ends the pass: the FDEs before it stay usable and a lookup that
 * finds none of them reports that error, so a broken section is neither silent nor fatal.
 */
final class SortedFdeIndex implements FdeIndex {
    private final CfiEntryReader reader;
    private long[] begins, ends, offsets;
    private FormatException error;

    SortedFdeIndex(CfiEntryReader reader) { this.reader = reader; }

    private synchronized void build() {
        if (begins != null) return;
        int n = 0;
        long[] b = new long[64], e = new long[64], o = new long[64];
        try {
            long off = 0;
            // Each entry is at least 4 bytes long, so this ends within size/4 rounds.
            for (CfiEntryReader.Header h; (h = reader.header(off)) != null; off = h.end()) {
                if (h.isCie()) continue;
                Fde f = reader.fde(h);
                if (f.pcBegin() == 0 || f.pcBegin() == f.pcEnd()) continue; // discarded by the linker
                if (n == b.length) {
                    b = Arrays.copyOf(b, n * 2); e = Arrays.copyOf(e, n * 2); o = Arrays.copyOf(o, n * 2);
                }
                b[n] = f.pcBegin(); e[n] = f.pcEnd(); o[n] = f.offset(); n++;
            }
        } catch (FormatException ex) {
            error = ex;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        final long[] fb = b;
        Arrays.sort(order, (x, y) -> Long.compareUnsigned(fb[x], fb[y]));
        long[] sb = new long[n], se = new long[n], so = new long[n];
        for (int i = 0; i < n; i++) { sb[i] = b[order[i]]; se[i] = e[order[i]]; so[i] = o[order[i]]; }
        begins = sb; ends = se; offsets = so;
    }

    @Override
    public Optional<Fde> find(long pc) {
        build();
        int lo = 0, hi = begins.length - 1, best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(begins[mid], pc) <= 0) { best = mid; lo = mid + 1; } else hi = mid - 1;
        }
        // FDEs do not nest, but a zero-length or overlapping one may precede: look back a little.
        for (int i = best; i >= 0 && i > best - 8; i--) {
            if (Long.compareUnsigned(pc, begins[i]) >= 0 && Long.compareUnsigned(pc, ends[i]) < 0) {
                return Optional.of(reader.fdeAt(offsets[i]));
            }
        }
        if (error != null) throw error;
        return Optional.empty();
    }
}
