package org.jdrgn.dwarf;

/** A DIE by position: its unit and section-absolute offset; decoded when {@link #die()} is called. */
public record DieRef(Unit unit, long offset) {
    public Die die() { return unit.die(offset); }

    @Override public String toString() { return unit.section().what() + "+0x" + Long.toHexString(offset); }
}
