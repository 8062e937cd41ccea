package org.jdrgn.dwarf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** `readelf --debug-dump=info` parsed into one text line per DIE (depth, offset, tag, selected attribute values). */
final class ReadelfInfo {
    private static final Pattern DIE = Pattern.compile("^\\s*<(\\d+)><([0-9a-f]+)>: Abbrev Number: (\\d+)(?: \\((\\w+)\\))?");
    private static final Pattern ATTR = Pattern.compile("^\\s*<([0-9a-f]+)>\\s+(DW_AT_\\w+)\\s*:\\s?(.*)$");
    private static final Pattern REF = Pattern.compile("^<0x([0-9a-f]+)>");
    private static final Pattern NUM = Pattern.compile("^(?:0x([0-9a-f]+)|(\\d+))\\s*$");

    private ReadelfInfo() {}

    /** Attributes whose values are compared, by kind: string, reference, number. */
    static boolean comparedString(String at) { return at.equals("DW_AT_name") || at.equals("DW_AT_linkage_name"); }

    static boolean comparedRef(String at) {
        return at.equals("DW_AT_type") || at.equals("DW_AT_sibling") || at.equals("DW_AT_specification")
                || at.equals("DW_AT_abstract_origin");
    }

    static boolean comparedNumber(String at) {
        return at.equals("DW_AT_byte_size") || at.equals("DW_AT_decl_line") || at.equals("DW_AT_decl_file")
                || at.equals("DW_AT_data_member_location") || at.equals("DW_AT_upper_bound");
    }

    /** The first dump only: readelf 2.40 prints a file's .debug_info twice when it follows a debug link to itself. */
    private static List<String> lines(Path file) {
        List<String> all = DwarfFiles.run("readelf", "--debug-dump=info", file.toString());
        int seen = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith("Contents of the .debug_info") && ++seen == 2) return all.subList(0, i);
        }
        return all;
    }

    static int units(Path file) {
        int n = 0;
        for (String l : lines(file)) if (l.contains("Unit @ offset")) n++;
        return n;
    }

    static List<String> dies(Path file) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        for (String l : lines(file)) {
            Matcher m = DIE.matcher(l);
            if (m.find()) {
                if (cur != null) out.add(cur.toString());
                cur = null;
                if (m.group(3).equals("0")) continue;
                cur = new StringBuilder(m.group(1) + " " + m.group(2) + " " + m.group(4));
                continue;
            }
            m = ATTR.matcher(l);
            if (!m.find() || cur == null) continue;
            String at = m.group(2), v = m.group(3);
            cur.append(" | ").append(at);
            if (comparedString(at)) {
                int i = v.startsWith("(") ? v.indexOf("): ") : -1;
                cur.append('=').append(i >= 0 ? v.substring(i + 3) : v);
            } else if (comparedRef(at)) {
                Matcher r = REF.matcher(v);
                if (r.find()) cur.append('=').append(Long.parseLong(r.group(1), 16));
            } else if (comparedNumber(at)) {
                Matcher r = NUM.matcher(v);
                if (r.find()) cur.append('=').append(r.group(1) != null ? Long.toUnsignedString(Long.parseUnsignedLong(r.group(1), 16)) : r.group(2));
            }
        }
        if (cur != null) out.add(cur.toString());
        return out;
    }
}
