package org.jdrgn.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts, in gdb's "thread apply all bt full" (testcores/oracle/&lt;core&gt;.gdb.txt), the
 * arguments (in each "#N" line) and locals (indented lines under it) shown with a value, and
 * those shown as {@code <optimized out>}.
 */
public record GdbVariables(int withValue, int optimizedOut) {
    private static final Pattern FRAME = Pattern.compile("^#\\d+\\s+(?:0x[0-9a-f]+ in )?\\S+ \\((.*)\\)( at .*| from .*)?$");
    private static final Pattern LOCAL = Pattern.compile("^        \\w+ = (.*)$");

    public static GdbVariables read(Path file) throws IOException {
        int value = 0, out = 0;
        for (String line : Files.readAllLines(file)) {
            Matcher f = FRAME.matcher(line);
            if (f.matches()) {
                for (String arg : splitTopLevel(f.group(1))) {
                    if (arg.isBlank()) continue;
                    if (arg.contains("<optimized out>")) out++; else value++;
                }
                continue;
            }
            Matcher l = LOCAL.matcher(line);
            if (l.matches()) {
                if (l.group(1).contains("<optimized out>")) out++; else value++;
            }
        }
        return new GdbVariables(value, out);
    }

    /** Splits "a=1, b={x = 1, y = 2}, c=0x0 \"s,t\"" at commas outside braces, parentheses and quotes. */
    static java.util.List<String> splitTopLevel(String s) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int depth = 0, start = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == '\\') i++;
                else if (ch == '"') quoted = false;
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == '{' || ch == '(' || ch == '[' || ch == '<') {
                depth++;
            } else if (ch == '}' || ch == ')' || ch == ']' || ch == '>') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                out.add(s.substring(start, i).trim());
                start = i + 1;
            }
        }
        out.add(s.substring(start).trim());
        return out;
    }
}
