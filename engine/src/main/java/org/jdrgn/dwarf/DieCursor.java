package org.jdrgn.dwarf;

import org.jdrgn.bytes.Cursor;

/**
 * Pre-order traversal of a unit's DIEs with their depth (root = 0). Call {@link #skipChildren()}
 * after {@link #next()} to step over the current DIE's subtree.
 */
public final class DieCursor {
    private final Unit unit;
    private final long end;
    private long pos;
    private int depth;
    private Die current;
    private boolean skip;

    public DieCursor(Unit unit) {
        this.unit = unit;
        this.end = unit.header().end();
        this.pos = unit.header().dieOffset();
    }

    /** Depth of the DIE last returned by {@link #next()}. */
    public int depth() { return depth; }

    /** Makes the next {@link #next()} continue after the current DIE's descendants. */
    public void skipChildren() { skip = true; }

    /** The next DIE in pre-order, or null at the end of the unit. */
    public Die next() {
        if (current != null) {
            if (current.hasChildren()) {
                if (skip) {
                    pos = current.subtreeEnd();
                } else {
                    pos = current.attributesEnd();
                    depth++;
                }
            } else {
                pos = current.attributesEnd();
            }
            current = null;
            skip = false;
        }
        // every iteration consumes at least one byte: bounded by the unit size
        while (pos < end) {
            Cursor c = new Cursor(unit.section(), pos);
            if (c.uleb128() == 0) {
                pos = c.pos();
                depth--;
                continue;
            }
            current = Die.read(unit, pos);
            return current;
        }
        return null;
    }
}
