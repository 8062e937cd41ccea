package org.jdrgn.program;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test oracle: gdb's view of a core's memory (it reads unsaved pages from the mapped files). */
final class GdbReads {
    private static final Pattern LINE = Pattern.compile("^0x([0-9a-f]+)(?: <[^>]*>)?:\\s+((?:0x[0-9a-f]{2}\\s*)+)$");

    private GdbReads() {}

    /** 16 bytes at each address as hex, or null where gdb could not read. */
    static Map<Long, String> read16(Path exe, Path core, List<Long> addresses) {
        List<String> cmd = new ArrayList<>(List.of("gdb", "-nx", "-batch"));
        for (long a : addresses) cmd.addAll(List.of("-ex", "x/16xb 0x" + Long.toHexString(a)));
        cmd.addAll(List.of(exe.toString(), core.toString()));
        String out;
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("gdb failed", e);
        }
        Map<Long, StringBuilder> bytes = new HashMap<>();
        for (String line : out.split("\n")) {
            Matcher m = LINE.matcher(line.trim());
            if (!m.matches()) continue;
            long at = Long.parseUnsignedLong(m.group(1), 16);
            for (long a : addresses) {
                if (Long.compareUnsigned(at - a, 16) < 0) {
                    StringBuilder sb = bytes.computeIfAbsent(a, k -> new StringBuilder());
                    if (at - a == sb.length() / 2) {
                        for (String b : m.group(2).trim().split("\\s+")) sb.append(b.substring(2));
                    }
                }
            }
        }
        Map<Long, String> result = new HashMap<>();
        for (long a : addresses) {
            StringBuilder sb = bytes.get(a);
            result.put(a, sb != null && sb.length() == 32 ? sb.toString() : null);
        }
        return result;
    }
}
