package org.jdrgn.stack;

import java.util.Arrays;
import java.util.List;

/**
 * Pairs gdb's frames with ours by function name, keeping the order (a longest common
 * subsequence): gdb stops at main and adds tail-call frames, so indexes differ. gdb names a
 * function by its DWARF name or by an ELF alias of it ({@code __GI___libc_read} for
 * {@code __libc_read}), so a name also matches when it ends with ours or equals our symbol.
 */
public final class FrameMatch {
    private FrameMatch() {}

    /** For each gdb frame, the index of our matching frame, or -1. */
    public static int[] align(List<GdbFullTrace.Frame> gdb, List<StackFrame> ours) {
        return align(gdb, ours, FrameMatch::same);
    }

    /** For each gdb frame, the index of the matching frame of drgn 0.0.22 (drgn_oracle.py's "--- frame" lines), or -1. */
    public static int[] alignDrgn(List<GdbFullTrace.Frame> gdb, List<DrgnStackOracle.Frame> drgn) {
        return align(gdb, drgn, (name, f) -> same(name, field(f.line(), "name"), field(f.line(), "symbol")));
    }

    private static String field(String line, String key) {
        var m = java.util.regex.Pattern.compile("\\b" + key + "=(\\S+)").matcher(line);
        return m.find() && !m.group(1).equals("None") ? m.group(1) : null;
    }

    public static <T> int[] align(List<GdbFullTrace.Frame> gdb, List<T> ours, java.util.function.BiPredicate<String, T> same) {
        int n = gdb.size(), m = ours.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = same.test(gdb.get(i).function(), ours.get(j))
                        ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int[] out = new int[n];
        Arrays.fill(out, -1);
        for (int i = 0, j = 0; i < n && j < m; ) {
            if (same.test(gdb.get(i).function(), ours.get(j)) && lcs[i][j] == lcs[i + 1][j + 1] + 1) out[i++] = j++;
            else if (lcs[i + 1][j] >= lcs[i][j + 1]) i++;
            else j++;
        }
        return out;
    }

    public static boolean same(String gdbName, StackFrame f) {
        return same(gdbName, f.name(), f.symbol().map(s -> s.name()).orElse(null));
    }

    public static boolean same(String gdbName, String name, String symbol) {
        if (name != null && (gdbName.equals(name) || gdbName.endsWith("_" + name))) return true;
        return gdbName.equals(symbol);
    }
}
