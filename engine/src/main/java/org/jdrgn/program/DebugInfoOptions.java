package org.jdrgn.program;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Which debug files to load (drgn's -s, --main-symbols, --no-default-symbols).
 * @param symbolFiles   files named with -s, matched to modules by build-id
 * @param defaultSymbols search the standard places (/usr/lib/debug, the module's own file)
 * @param mainOnly      only the main executable's (or vmlinux's) default debug info
 * @param vmlinuxOptional a kernel dump whose vmlinux cannot be found opens without it, with a
 *                      warning (drgn's CLI); otherwise that is a MissingDebugInfoError (the API's
 *                      set_core_dump defers the dump until load_debug_info names the vmlinux)
 */
public record DebugInfoOptions(List<Path> symbolFiles, boolean defaultSymbols, boolean mainOnly,
                               boolean vmlinuxOptional) {
    public static final DebugInfoOptions DEFAULT = new DebugInfoOptions(List.of(), true, false);

    public DebugInfoOptions(List<Path> symbolFiles, boolean defaultSymbols, boolean mainOnly) {
        this(symbolFiles, defaultSymbols, mainOnly, false);
    }

    /** These options, with a missing vmlinux a warning rather than an error (the CLI's manners). */
    public DebugInfoOptions withVmlinuxOptional() {
        return new DebugInfoOptions(symbolFiles, defaultSymbols, mainOnly, true);
    }

    /**
     * These options without the -s files that cannot be debug info (missing, unreadable, not
     * ELF): drgn warns about those in one warning and goes on, and so do we.
     */
    public DebugInfoOptions withoutUnusable(Consumer<String> warn) {
        List<Path> usable = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path p : symbolFiles) {
            String why = unusable(p);
            if (why == null) usable.add(p);
            else problems.add(p + " (" + why + ")");
        }
        if (!problems.isEmpty()) warn.accept("could not get debugging information for:\n" + String.join("\n", problems));
        return problems.isEmpty() ? this : new DebugInfoOptions(List.copyOf(usable), defaultSymbols, mainOnly, vmlinuxOptional);
    }

    /** Why a -s file is no debug file (drgn's words), or null. A .zst file is judged once decompressed. */
    private static String unusable(Path p) {
        if (Files.isDirectory(p)) return "open: " + p + ": Is a directory";
        if (p.toString().endsWith(".zst")) return Files.isReadable(p) ? null : "open: " + p + ": No such file or directory";
        byte[] magic = new byte[4];
        try (InputStream in = Files.newInputStream(p)) {
            if (in.readNBytes(magic, 0, 4) < 4 || magic[0] != 0x7f || magic[1] != 'E' || magic[2] != 'L' || magic[3] != 'F') {
                return "not an ELF file";
            }
            return null;
        } catch (NoSuchFileException e) {
            return "open: " + p + ": No such file or directory";
        } catch (java.nio.file.AccessDeniedException e) {
            return "open: " + p + ": Permission denied";
        } catch (IOException e) {
            return "open: " + p + ": " + e.getMessage();
        }
    }
}
