package org.jdrgn.index;

/** drgn's filename rule: a given filename matches a unit if it is a suffix of the unit's path by whole components. */
final class SourcePaths {
    private SourcePaths() {}

    static boolean matches(String unitName, String compDir, String filename) {
        if (filename == null) return true;
        if (unitName == null) return false;
        String path = unitName.startsWith("/") || compDir == null ? unitName : compDir + "/" + unitName;
        String[] have = split(path);
        // leading ".." of a relative name cannot be resolved without a directory: match on the rest
        String[] want = java.util.Arrays.stream(split(filename)).dropWhile(".."::equals).toArray(String[]::new);
        if (want.length == 0) return true;
        if (want.length > have.length) return false;
        for (int i = 1; i <= want.length; i++) {
            if (!want[want.length - i].equals(have[have.length - i])) return false;
        }
        return !filename.startsWith("/") || want.length == have.length;
    }

    /** Components after normalizing "." and "..": "../sysdeps/x/a.c" and "x/a.c" compare by their tails. */
    private static String[] split(String p) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String s : p.split("/")) {
            if (s.isEmpty() || s.equals(".")) continue;
            if (s.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) parts.removeLast();
            else parts.addLast(s);
        }
        return parts.toArray(new String[0]);
    }
}
