package org.jdrgn.program;

import java.util.ArrayList;
import java.util.List;

/** drgn's filename_matches rule: needle matches haystack if it is a suffix by path components. */
public final class FileNames {
    private FileNames() {}

    public static boolean matches(String haystack, String needle) {
        if (needle == null || needle.isEmpty()) return true;
        if (haystack == null || haystack.isEmpty()) return false;
        List<String> h = components(haystack);
        List<String> n = components(needle);
        if (n.size() > h.size()) return false;
        if (!h.subList(h.size() - n.size(), h.size()).equals(n)) return false;
        // An absolute needle must name the whole path.
        return !needle.startsWith("/") || (n.size() == h.size() && haystack.startsWith("/"));
    }

    private static List<String> components(String path) {
        List<String> out = new ArrayList<>();
        for (String c : path.split("/")) if (!c.isEmpty() && !c.equals(".")) out.add(c);
        return out;
    }
}
