package org.jdrgn.linux;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdrgn.error.ValueErrorException;

/**
 * Bounded walks of the kernel's circular doubly linked lists (struct list_head, next at
 * offset 0). A corrupt list that never returns to its head ends in an error naming it,
 * never in a hang.
 */
public final class KernelLists {
    /** More entries than any kernel list of tasks can hold (PID_MAX_LIMIT). */
    public static final int MAX_ENTRIES = 4 * 1024 * 1024;

    private KernelLists() {}

    /** The addresses of the list_heads after {@code head}, in order (head excluded). */
    public static List<Long> nodes(KernelObjects k, long head, String what) {
        return circular(k, head, 0, what);
    }

    /**
     * A circular list_head list from {@code head}, following the pointer at {@code linkOffset}
     * (0: next, first to last; 8: prev, last to first); head excluded.
     */
    public static List<Long> circular(KernelObjects k, long head, int linkOffset, String what) {
        return walk(k, head, k.readU64(head + linkOffset), head, linkOffset, what);
    }

    /** An hlist: the nodes from {@code first} through each node's next (offset 0) up to NULL. */
    public static List<Long> nullTerminated(KernelObjects k, long head, long first, String what) {
        return walk(k, head, first, 0, 0, what);
    }

    private static List<Long> walk(KernelObjects k, long head, long pos, long end, int linkOffset, String what) {
        List<Long> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        while (pos != end) {
            if (!seen.add(pos)) {
                throw new ValueErrorException(what + " list at 0x" + Long.toHexString(head)
                        + " loops back to 0x" + Long.toHexString(pos) + " without reaching its end (corrupt list)");
            }
            if (out.size() >= MAX_ENTRIES) {
                throw new ValueErrorException(what + " list at 0x" + Long.toHexString(head) + " has more than "
                        + MAX_ENTRIES + " entries (corrupt list)");
            }
            if (pos == 0) {
                throw new ValueErrorException(what + " list at 0x" + Long.toHexString(head) + " has a NULL link");
            }
            out.add(pos);
            pos = k.readU64(pos + linkOffset);
        }
        return out;
    }
}
