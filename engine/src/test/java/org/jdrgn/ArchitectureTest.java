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
    /** Each Maven module's sources, in the parent POM's module order (which is the build order). */
    private static List<Path> sourceRoots() throws IOException {
        List<Path> roots = new ArrayList<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(Path.of("pom.xml")));
        while (m.find()) roots.add(Path.of(m.group(1), "src/main/java/org/jdrgn"));
        return roots;
    }

    /** The directory of a package, in whichever module holds it. */
    private static Path packageDir(String pkg) throws IOException {
        for (Path root : sourceRoots()) {
            Path dir = root.resolve(pkg.replace('.', '/'));
            if (Files.isDirectory(dir)) return dir;
        }
        return sourceRoots().get(0).resolve(pkg.replace('.', '/'));
    }
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
        for (Path src : sourceRoots()) {
            try (Stream<Path> all = Files.walk(src)) {
                for (Path f : all.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String pkg = src.relativize(f.getParent()).toString().replace('/', '.');
                    assertTrue(order.contains(pkg), "package " + pkg + " is not in ARCHITECTURE.md's dependency line");
                    files++;
                    Matcher m = REF.matcher(code(Files.readString(f)));
                    while (m.find()) {
                        String used = m.group(1);
                        if (used.equals(PENDING.get(src.relativize(f).toString()))) continue;
                        if (!used.equals(pkg) && order.indexOf(used) > order.indexOf(pkg)) {
                            violations.add(src.relativize(f) + " uses org.jdrgn." + used);
                        }
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
            Path dir = packageDir(pkg);
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
            assertTrue(Files.exists(packageDir(pkg).resolve("package-info.java")), pkg + " has a package-info");
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

    /**
     * The Maven modules cut the line into consecutive pieces in build order (engine, then the
     * language faces, then the CLI): a module's packages may use its own and earlier modules'
     * packages only, so the engine library never needs a language runtime or the CLI.
     */
    @Test
    void modulesCutTheLineInOrder() throws IOException {
        List<String> order = order();
        int last = -1;
        for (Path src : sourceRoots()) {
            List<Integer> at = new ArrayList<>();
            try (Stream<Path> dirs = Files.walk(src)) {
                for (Path d : dirs.filter(Files::isDirectory).toList()) {
                    boolean hasJava;
                    try (Stream<Path> fs = Files.list(d)) {
                        hasJava = fs.anyMatch(f -> f.toString().endsWith(".java"));
                    }
                    if (hasJava) at.add(order.indexOf(src.relativize(d).toString().replace('/', '.')));
                }
            }
            assertTrue(!at.isEmpty(), "no packages in " + src);
            int min = at.stream().min(Integer::compare).orElseThrow(), max = at.stream().max(Integer::compare).orElseThrow();
            assertTrue(min > last, src + " starts at " + order.get(min) + ", left of an earlier module's " + (last < 0 ? "-" : order.get(last)));
            last = max;
        }
    }
}
