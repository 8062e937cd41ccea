package org.jdrgn.index;

/** What one {@link DebugIndex#add} did: units walked, DIEs stepped on, entries added, wall time. */
public record IndexStats(int units, long dies, long entries, long nanos) {}
