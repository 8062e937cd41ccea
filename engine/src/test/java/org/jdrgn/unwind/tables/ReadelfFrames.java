package org.jdrgn.unwind.tables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test oracle: binutils' {@code readelf --debug-dump=frames-interp}, parsed independently of
 * the unwinder: per FDE its offset, pc range and the rows of its table, each cell as readelf
 * prints it ("rsp+8", "c-16", "u", "s", "exp", "r5 (rdi)").
 */
final class ReadelfFrames {
    record Row(long loc, String cfa, List<String> cells) {}

    record FdeTable(long offset, long begin, long end, List<String> columns, List<Row> rows) {}

    private static final Pattern FDE = Pattern.compile("^([0-9a-f]{8}) [0-9a-f]+ [0-9a-f]+ FDE cie=[0-9a-f]+ pc=([0-9a-f]+)\\.\\.([0-9a-f]+)$");
    private static final Pattern CELL = Pattern.compile("r\\d+ \\(\\w+\\)|\\S+");

    private ReadelfFrames() {}

    static List<FdeTable> read(Path file, String section) {
        String out;
        try {
            Process p = new ProcessBuilder("readelf", "-W", "--debug-dump=frames-interp", file.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("readelf failed", e);
        }
        List<FdeTable> fdes = new ArrayList<>();
        boolean inSection = false;
        FdeTable cur = null;
        for (String line : out.split("\n")) {
            if (line.startsWith("Contents of the ")) {
                inSection = line.contains(" " + section + " section");
                cur = null;
                continue;
            }
            if (!inSection) continue;
            Matcher f = FDE.matcher(line);
            if (f.matches()) {
                cur = new FdeTable(Long.parseLong(f.group(1), 16), Long.parseUnsignedLong(f.group(2), 16),
                        Long.parseUnsignedLong(f.group(3), 16), new ArrayList<>(), new ArrayList<>());
                fdes.add(cur);
                continue;
            }
            if (cur == null) continue;
            if (line.startsWith("   LOC")) {
                String[] h = line.trim().split("\\s+");
                for (int i = 2; i < h.length; i++) cur.columns().add(h[i]);
            } else if (line.matches("^[0-9a-f]{16} .*")) {
                Matcher m = CELL.matcher(line);
                List<String> cells = new ArrayList<>();
                while (m.find()) cells.add(m.group());
                cur.rows().add(new Row(Long.parseUnsignedLong(cells.get(0), 16), cells.get(1), cells.subList(2, cells.size())));
            } else if (!line.isBlank()) {
                cur = null; // a CIE or something else
            }
        }
        return fdes;
    }
}
