package org.jdrgn.program;

import java.nio.file.Path;
import java.util.List;

/**
 * Which debug files to load (drgn's -s, --main-symbols, --no-default-symbols).
 * @param symbolFiles   files named with -s, matched to modules by build-id
 * @param defaultSymbols search the standard places (/usr/lib/debug, the module's own file)
 * @param mainOnly      only the main executable's (or vmlinux's) default debug info
 */
public record DebugInfoOptions(List<Path> symbolFiles, boolean defaultSymbols, boolean mainOnly) {
    public static final DebugInfoOptions DEFAULT = new DebugInfoOptions(List.of(), true, false);
}
