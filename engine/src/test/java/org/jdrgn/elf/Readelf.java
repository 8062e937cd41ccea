package org.jdrgn.elf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test oracle: runs binutils readelf and parses its output independently of ElfFile. */
final class Readelf {
    record Section(int index, String name, String type, long addr, long offset, long size, String flags) {}

    record Sym(String name, long value, long size, String type, String bind, String ndx) {}

    private Readelf() {}

    static String run(String... args) {
        List<String> cmd = new ArrayList<>(List.of("readelf", "-W"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("readelf failed", e);
        }
    }

    private static final Pattern SECTION = Pattern.compile(
            "^\\s*\\[\\s*(\\d+)]\\s(.{17}\\S*)\\s+(\\S+)\\s+([0-9a-f]{16})\\s+([0-9a-f]+)\\s+([0-9a-f]+)\\s+[0-9a-f]+\\s+([A-Za-z]*)\\s+\\d+\\s+\\d+\\s+\\d+\\s*$");

    static List<Section> sections(Path file) {
        List<Section> out = new ArrayList<>();
        for (String line : run("-S", file.toString()).split("\n")) {
            Matcher m = SECTION.matcher(line);
            if (m.matches()) {
                out.add(new Section(Integer.parseInt(m.group(1)), m.group(2).trim(), m.group(3),
                        Long.parseUnsignedLong(m.group(4), 16), Long.parseLong(m.group(5), 16),
                        Long.parseLong(m.group(6), 16), m.group(7)));
            }
        }
        return out;
    }

    /** Symbols of one table (".symtab" or ".dynsym"), index 0 excluded, version suffixes removed. */
    static List<Sym> symbols(Path file, String table) {
        List<Sym> out = new ArrayList<>();
        boolean in = false;
        for (String line : run(table.equals(".dynsym") ? "--dyn-syms" : "-s", file.toString()).split("\n")) {
            if (line.startsWith("Symbol table ")) { in = line.contains("'" + table + "'"); continue; }
            if (!in) continue;
            String[] f = line.trim().split("\\s+", 8);
            if (f.length < 7 || !f[0].endsWith(":") || f[0].equals("Num:") || f[0].equals("0:")) continue;
            String name = f.length == 8 ? f[7] : "";
            if (name.startsWith("[")) name = ""; // a visibility annotation, not a name
            if (table.equals(".dynsym")) { // readelf appends versions from .gnu.version
                int sp = name.indexOf(" (");
                if (sp > 0) name = name.substring(0, sp);
                int at = name.indexOf('@');
                if (at > 0) name = name.substring(0, at);
            }
            long size = f[2].startsWith("0x") ? Long.parseLong(f[2].substring(2), 16) : Long.parseLong(f[2]);
            out.add(new Sym(name, Long.parseUnsignedLong(f[1], 16), size, f[3], f[4], f[6]));
        }
        return out;
    }

    static String buildId(Path file) {
        Matcher m = Pattern.compile("Build ID: ([0-9a-f]+)").matcher(run("-n", file.toString()));
        return m.find() ? m.group(1) : null;
    }

    /** Note owners and data sizes in readelf's order, e.g. "CORE 0x00000150". */
    static List<String> notes(Path file) {
        List<String> out = new ArrayList<>();
        Pattern p = Pattern.compile("^\\s+(\\S+)\\s+0x([0-9a-f]{8})\\s.*");
        for (String line : run("-n", file.toString()).split("\n")) {
            Matcher m = p.matcher(line);
            if (m.matches()) out.add(m.group(1) + " " + Long.parseLong(m.group(2), 16));
        }
        return out;
    }

    static void exec(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new AssertionError(String.join(" ", cmd) + " failed: " + out);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(String.join(" ", cmd) + " failed", e);
        }
    }
}
