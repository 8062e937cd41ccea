package org.jdrgn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * ARCHITECTURE.md's dependency line holds: no package's code names a class of a package to
 * its right (comments aside). The order is read from ARCHITECTURE.md itself, so the document
 * and the code cannot drift apart unnoticed.
 */
class ArchitectureTest {
    private static final Path SRC = Path.of("src/main/java/org/jdrgn");
    private static final Pattern REF = Pattern.compile("org\\.jdrgn\\.([a-z.]+)\\.[A-Z]");
    /**
     * Files allowed one named step to the right, each until a branch in flight moves it:
     * program/KernelHelperCalls (the Linux helpers' string-switch entry point) leaves
     * program when the kernel-helpers work merges it with lang/KernelHelpers.
     */
    private static final java.util.Map<String, String> PENDING = java.util.Map.of(
            "program/KernelHelperCalls.java", "program.kernel");

    @Test
    void noPackageUsesOneToItsRight() throws IOException {
        List<String> order = order();
        assertTrue(order.size() >= 15, "dependency line of ARCHITECTURE.md: " + order);
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(SRC)) {
            for (Path f : all.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = SRC.relativize(f.getParent()).toString().replace('/', '.');
                assertTrue(order.contains(pkg), "package " + pkg + " is not in ARCHITECTURE.md's dependency line");
                files++;
                Matcher m = REF.matcher(code(Files.readString(f)));
                while (m.find()) {
                    String used = m.group(1);
                    if (used.equals(PENDING.get(SRC.relativize(f).toString()))) continue;
                    if (!used.equals(pkg) && order.indexOf(used) > order.indexOf(pkg)) {
                        violations.add(SRC.relativize(f) + " uses org.jdrgn." + used);
                    }
                }
            }
        }
        assertTrue(files > 300, "read " + files + " files");
        assertEquals(List.of(), violations);
    }

    /** The line names only packages that exist: a package moved or split cannot leave a stale name behind. */
    @Test
    void everyPackageOnTheLineExists() throws IOException {
        for (String pkg : order()) {
            Path dir = SRC.resolve(pkg.replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                assertTrue(files.anyMatch(f -> f.toString().endsWith(".java")), "no Java files in " + dir);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new AssertionError("ARCHITECTURE.md names a package that does not exist: " + pkg);
            }
        }
    }

    /**
     * The packages split out of the old catch-all unwinder (tables, stepping, logical frames,
     * variables) each say what they hold, and none reaches to the right of its place: the
     * tables know nothing of stepping, stepping nothing of DWARF frames, frames nothing of variables.
     */
    @Test
    void unwindSplitStaysApart() throws IOException {
        List<String> order = order();
        List<String> split = List.of("unwind.tables", "unwind", "stack", "variables");
        int at = order.indexOf("unwind.tables");
        assertEquals(split, order.subList(at, at + split.size()), "the unwinder's packages, in order");
        for (String pkg : split) {
            assertTrue(Files.exists(SRC.resolve(pkg.replace('.', '/')).resolve("package-info.java")), pkg + " has a package-info");
        }
    }

    /** "error → bytes → elf → ... → lang.{python,js} → cli" as a flat list, left to right. */
    private static List<String> order() throws IOException {
        String md = Files.readString(Path.of("ARCHITECTURE.md"));
        String line = md.lines().filter(l -> l.startsWith("    error →")).findFirst().orElseThrow();
        List<String> out = new ArrayList<>();
        for (String step : line.trim().split("→")) {
            for (String p : step.split(",(?![^{]*})")) {
                p = p.trim();
                Matcher group = Pattern.compile("(\\w+)\\.\\{(.*)}").matcher(p);
                if (group.matches()) {
                    for (String sub : group.group(2).split(",")) out.add(group.group(1) + "." + sub.trim());
                } else {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** The source without comments: javadoc may name any class. */
    private static String code(String src) {
        return src.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
    }
}
