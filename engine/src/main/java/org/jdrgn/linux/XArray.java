package org.jdrgn.linux;

import java.util.ArrayList;
import java.util.List;
import org.jdrgn.error.LookupException;
import org.jdrgn.error.ValueErrorException;
import org.jdrgn.types.Type;

/**
 * Reads XArrays (lib/xarray.c, Linux 4.20+; also radix_tree_root, which became one) from
 * memory. An entry with low bits 10 is internal: a node pointer (+2) above 4096, a sibling
 * below 256, XA_ZERO_ENTRY (1030) for a reserved slot. Nodes hold 64 slots and a shift.
 */
public final class XArray {
    public static final long ZERO_ENTRY = 1030;
    private static final int CHUNK = 64;
    /** A node's shift grows by 6 per level: a 64-bit index needs at most 11 levels. */
    private static final int MAX_DEPTH = 11;

    /** One (index, entry) pair. */
    public record Entry(long index, long value) {}

    private final KernelObjects k;
    private final long headOff, shiftOff, slotsOff;

    public XArray(KernelObjects k) {
        this.k = k;
        var ctx = k.context();
        Type xa = ctx.type("struct xarray").underlying();
        Type node = ctx.type("struct xa_node").underlying();
        try {
            headOff = ctx.member(xa, "xa_head").offset();
        } catch (LookupException e) {
            throw new ValueErrorException("radix trees before Linux 4.20 (no struct xarray.xa_head) are not supported");
        }
        shiftOff = ctx.member(node, "shift").offset();
        slotsOff = ctx.member(node, "slots").offset();
    }

    private static boolean isNode(long v) { return (v & 3) == 2 && Long.compareUnsigned(v, 4096) > 0; }

    private static boolean isSibling(long v) { return (v & 3) == 2 && Long.compareUnsigned(v, 256) < 0; }

    private int shift(long node) {
        byte[] b = new byte[1];
        k.context().read(node + shiftOff, b, 0, 1);
        return b[0] & 0xff;
    }

    /** drgn's xa_load(xa, index) (advanced: a zero entry is returned as is); 0 if absent. */
    public long load(long xa, long index) {
        long entry = k.readU64(xa + headOff);
        if (!isNode(entry)) return index == 0 && !isSibling(entry) ? entry : 0;
        for (int depth = 0; isNode(entry); depth++) {
            if (depth > MAX_DEPTH) throw corrupt(xa);
            long node = entry - 2;
            int shift = shift(node);
            if (shift >= 64) throw corrupt(xa);
            // only the top node bounds the index; below it the high bits chose the path
            if (depth == 0 && shift + 6 < 64 && Long.compareUnsigned(index >>> shift, CHUNK) >= 0) return 0;
            int offset = (int) ((index >>> shift) & (CHUNK - 1));
            entry = k.readU64(node + slotsOff + 8L * offset);
            if (isSibling(entry)) entry = k.readU64(node + slotsOff + 8L * (entry >>> 2));
            if (shift == 0 && isNode(entry)) throw corrupt(xa);
        }
        return entry;
    }

    /** drgn's xa_for_each(xa): non-NULL entries in index order; zero entries only if advanced. */
    public List<Entry> entries(long xa, boolean advanced) {
        List<Entry> out = new ArrayList<>();
        long head = k.readU64(xa + headOff);
        if (isNode(head)) {
            walk(xa, head - 2, 0, 0, advanced, out);
        } else if (!isSibling(head) && yields(head, advanced)) {
            out.add(new Entry(0, head));
        }
        return out;
    }

    private static boolean yields(long v, boolean advanced) { return v != 0 && (advanced || v != ZERO_ENTRY); }

    private void walk(long xa, long node, long base, int depth, boolean advanced, List<Entry> out) {
        if (depth > MAX_DEPTH) throw corrupt(xa);
        int shift = shift(node);
        if (shift >= 64) throw corrupt(xa);
        byte[] slots = new byte[CHUNK * 8];
        k.context().read(node + slotsOff, slots, 0, slots.length);
        for (int i = 0; i < CHUNK; i++) {
            long v = 0;
            for (int b = 7; b >= 0; b--) v = v << 8 | (slots[i * 8 + b] & 0xff);
            long index = base + ((long) i << shift);
            if (isNode(v)) walk(xa, v - 2, index, depth + 1, advanced, out);
            else if (!isSibling(v) && yields(v, advanced)) out.add(new Entry(index, v));
        }
    }

    private static ValueErrorException corrupt(long xa) {
        return new ValueErrorException("xarray at 0x" + Long.toHexString(xa) + " is deeper than " + MAX_DEPTH
                + " levels (corrupt node shift)");
    }
}
