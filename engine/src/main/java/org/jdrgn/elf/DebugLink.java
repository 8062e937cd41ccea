package org.jdrgn.elf;

/** The .gnu_debuglink section: the debug file's base name and the CRC-32 of its contents. */
public record DebugLink(String name, long crc32) {}
