package org.jdrgn.index;

/**
 * What one {@link DebugIndex#add} did: units walked, DIEs stepped on, entries added, wall time;
 * {@code cached} when the table was read from the on-disk cache (then no DIE was visited).
 */
public record IndexStats(int units, long dies, long entries, long nanos, boolean cached) {}
