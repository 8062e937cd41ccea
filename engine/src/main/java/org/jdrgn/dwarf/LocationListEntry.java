package org.jdrgn.dwarf;

import org.jdrgn.bytes.ByteSlice;

/** One location list entry: where [begin, end) the expression holds; a default entry has begin 0 and end -1. */
public record LocationListEntry(long begin, long end, ByteSlice expression) {}
