package org.jdrgn.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every case of object_oracle.txt (printed by real drgn 0.0.22 from make_object_oracle.py)
 * evaluated on the same mock program in Java; the strings must be identical.
 */
class ObjectOracleTest {
    record Line(String input, String expected) {}

    static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
    }

    static MockProgram program;
    static List<Line> lines = new ArrayList<>();

    static synchronized void load() throws IOException {
        if (program != null) return;
        try (InputStream in = ObjectOracleTest.class.getResourceAsStream("object_oracle.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.startsWith("#")) continue;
                if (line.startsWith("memory ")) {
                    String[] w = line.split(" ");
                    program = MockProgram.fromHex(Long.decode(w[1]), w[2]);
                    continue;
                }
                int tab = line.indexOf('\t');
                lines.add(new Line(unescape(line.substring(0, tab)), unescape(line.substring(tab + 1))));
            }
        }
    }

    @Test
    void everyOracleCaseMatches() throws IOException {
        load();
        OracleCase runner = new OracleCase(program);
        List<String> failures = new ArrayList<>();
        for (Line l : lines) {
            String got;
            try {
                got = runner.run(l.input());
            } catch (RuntimeException | StackOverflowError e) {
                got = "!JAVA " + e;
            }
            if (!got.equals(l.expected())) failures.add(escape(l.input()) + "\n    want " + escape(l.expected()) + "\n    got  " + escape(got));
        }
        int passed = lines.size() - failures.size();
        System.out.println("object oracle: " + passed + " of " + lines.size() + " cases match");
        if (!failures.isEmpty()) {
            try {
                java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "object_oracle_failures.txt"), failures);
            } catch (IOException ignored) {
                // the report is a convenience
            }
        }
        assertTrue(lines.size() > 1000, "oracle has cases");
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())),
                failures.size() + " of " + lines.size() + " oracle cases differ");
    }
}
