package org.jdrgn.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdrgn.testcores.KernelCores;
import org.jdrgn.testcores.KernelDump;

/**
 * testcores/kernel/oracle_helpers.py's output (oracle/<dump>.helpers.txt): sections that start
 * with "== name ..." and hold lines. Dumps drgn 0.0.22 cannot read have none: their state's
 * reference dump's is used.
 */
record HelpersOracle(KernelDump source, Map<String, List<String>> sections, Map<String, String> headers) {
    static HelpersOracle of(KernelDump d) {
        KernelDump source = Files.exists(KernelCores.oracleDir().resolve(d.fileName() + ".helpers.txt")) ? d : d.reference();
        Path p = KernelCores.oracleFile(source, "helpers.txt");
        try {
            Map<String, List<String>> sections = new LinkedHashMap<>();
            Map<String, String> headers = new LinkedHashMap<>();
            List<String> current = null;
            for (String line : Files.readString(p).split("\n", -1)) {
                if (line.startsWith("== ")) {
                    String name = line.substring(3).split(" ", 2)[0];
                    headers.put(name, line);
                    current = new ArrayList<>();
                    sections.put(name, current);
                } else if (current != null) {
                    current.add(line);
                }
            }
            return new HelpersOracle(source, sections, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A section's text, lines joined with "\n" (the file's last newline dropped). */
    String text(String section) {
        List<String> lines = sections.get(section);
        return String.join("\n", lines.subList(0, lines.size() - (lines.getLast().isEmpty() ? 1 : 0))) + "\n";
    }

    /** Python's bytes.decode("utf-8", "backslashreplace"), as oracle_helpers.py's _text. */
    static String pythonText(byte[] b) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        CharBuffer out = CharBuffer.allocate(4 * b.length + 4);
        while (true) {
            CoderResult r = dec.decode(in, out, true);
            if (r.isUnderflow()) break;
            for (int i = 0; i < r.length(); i++) out.put(String.format("\\x%02x", in.get() & 0xff));
        }
        return out.flip().toString();
    }
}
