package org.jdrgn.core;

/** One auxiliary-vector entry (AT_* key, value) from NT_AUXV. */
public record AuxvEntry(long key, long value) {}
