package org.jdrgn.variables;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value as gdb 13 prints it ({@code print}, {@code bt full}), parsed into a small tree:
 * aggregates {@code {a = 1, b = {..}}} / {@code {1, 2}}, strings {@code "ab\000"}, and scalars
 * kept as text ({@code 25}, {@code 0x7ffff7dd0e40 <sym+8>}, {@code 97 'a'}, {@code BLUE},
 * {@code {int (int)} 0x401136 <main>}). An element may carry gdb's {@code <repeats N times>}.
 * A bare list at the top level ({@code '\000' <repeats 31 times>}, a char array) is an aggregate.
 */
sealed interface GdbValue {
    record Scalar(String text) implements GdbValue {}

    record Str(byte[] bytes, boolean truncated) implements GdbValue {}

    record Aggregate(List<Item> items) implements GdbValue {}

    /** One element or member: {@code name} is null for array elements and unnamed members. */
    record Item(String name, GdbValue value, long repeats) {}

    static GdbValue parse(String text) {
        Parser p = new Parser(text.trim());
        List<Item> items = p.items('\0');
        if (items.size() == 1 && items.getFirst().repeats() == 1 && items.getFirst().name() == null) return items.getFirst().value();
        return new Aggregate(items);
    }

    final class Parser {
        private static final Pattern NAME = Pattern.compile("\\G(\\w+) = ");
        private static final Pattern REPEATS = Pattern.compile("^(.*?)\\s*<repeats (\\d+) times>$", Pattern.DOTALL);
        private final String s;
        private int i;

        Parser(String s) { this.s = s; }

        List<Item> items(char close) {
            List<Item> out = new ArrayList<>();
            while (i < s.length() && out.size() < 100_000) {
                skipSpaces();
                if (i < s.length() && s.charAt(i) == close) break;
                String name = null;
                Matcher m = NAME.matcher(s);
                if (m.find(i) && m.start() == i) {
                    name = m.group(1);
                    i = m.end();
                }
                GdbValue v = value();
                long repeats = 1;
                skipSpaces();
                if (s.startsWith("<repeats ", i)) {
                    int end = s.indexOf('>', i);
                    repeats = Long.parseLong(s.substring(i + 9, end).replace(" times", "").trim());
                    i = end + 1;
                } else if (v instanceof Scalar sc) {
                    Matcher r = REPEATS.matcher(sc.text());
                    if (r.matches()) {
                        v = new Scalar(r.group(1));
                        repeats = Long.parseLong(r.group(2));
                    }
                }
                out.add(new Item(name, v, repeats));
                skipSpaces();
                if (i < s.length() && s.charAt(i) == ',') i++;
                else if (s.startsWith("...", i)) i += 3;
                else break;
            }
            return out;
        }

        private GdbValue value() {
            skipSpaces();
            if (i < s.length() && s.charAt(i) == '{') {
                int end = matching(i);
                if (!s.startsWith(" 0x", end + 1) && !s.startsWith(" <", end + 1)) {
                    i++;
                    List<Item> items = items('}');
                    if (i < s.length() && s.charAt(i) == '}') i++;
                    return new Aggregate(items);
                }
                i = end + 2;                       // a function pointer's "{type} " prefix
            }
            if (i < s.length() && s.charAt(i) == '"') return string();
            return scalar();
        }

        private GdbValue string() {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            i++;
            while (i < s.length() && s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c != '\\') { b.write(c); continue; }
                char e = s.charAt(i++);
                if (e >= '0' && e <= '7') {
                    int v = e - '0';
                    for (int k = 0; k < 2 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++) v = v * 8 + (s.charAt(i++) - '0');
                    b.write(v);
                } else {
                    b.write(switch (e) { case 'n' -> '\n'; case 't' -> '\t'; case 'r' -> '\r'; case 'a' -> 7; case 'b' -> 8;
                        case 'f' -> 12; case 'v' -> 11; case 'e' -> 27; default -> e; });
                }
            }
            i++;
            boolean truncated = s.startsWith("...", i);
            if (truncated) i += 3;
            return new Str(b.toByteArray(), truncated);
        }

        /** Text up to a ',' or '}' outside quotes and angle brackets. */
        private GdbValue scalar() {
            int start = i, angle = 0;
            char quote = 0;
            for (; i < s.length(); i++) {
                char c = s.charAt(i);
                if (quote != 0) {
                    if (c == '\\') i++;
                    else if (c == quote) quote = 0;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '<') {
                    angle++;
                } else if (c == '>') {
                    angle--;
                } else if (angle == 0 && (c == ',' || c == '}')) {
                    break;
                }
            }
            return new Scalar(s.substring(start, i).trim());
        }

        private int matching(int open) {
            int depth = 0;
            char quote = 0;
            for (int k = open; k < s.length(); k++) {
                char c = s.charAt(k);
                if (quote != 0) {
                    if (c == '\\') k++;
                    else if (c == quote) quote = 0;
                } else if (c == '"' || c == '\'') quote = c;
                else if (c == '{') depth++;
                else if (c == '}' && --depth == 0) return k;
            }
            return s.length() - 1;
        }

        private void skipSpaces() {
            while (i < s.length() && s.charAt(i) == ' ') i++;
        }
    }
}
