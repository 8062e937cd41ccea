package org.jdrgn.elf;

/** The .gnu_debugaltlink section: path of the shared (dwz) debug file and its build ID. */
public record DebugAltLink(String path, BuildId buildId) {}
