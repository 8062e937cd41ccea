package org.jdrgn.index;

/**
 * What one {@link DebugIndex#add} did: units walked, DIEs stepped on, entries added, wall time;
 * {@code cached} when the table was read from the on-disk cache, or (for a file with no path)
 * kept on the file by an earlier index (then no DIE was visited).
 */
public record IndexStats(int units, long dies, long entries, long nanos, boolean cached) {}
