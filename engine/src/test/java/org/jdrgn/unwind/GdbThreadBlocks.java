package org.jdrgn.unwind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of each thread's trace in gdb's {@code thread apply all bt full} output
 * (testcores/oracle/&lt;core&gt;.gdb.txt), by LWP. The trace comes first; a later
 * "Thread N" block for the same LWP is a per-thread print and is skipped.
 */
public final class GdbThreadBlocks {
    private static final Pattern THREAD = Pattern.compile("^Thread \\d+ \\((?:Thread 0x[0-9a-f]+ \\()?LWP (\\d+)\\)\\)?:$");

    private GdbThreadBlocks() {}

    public static Map<Long, List<String>> read(Path file) throws IOException {
        Map<Long, List<String>> threads = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : Files.readAllLines(file)) {
            Matcher t = THREAD.matcher(line);
            if (t.matches()) {
                long tid = Long.parseLong(t.group(1));
                current = threads.containsKey(tid) ? null : new ArrayList<>();
                if (current != null) threads.put(tid, current);
            } else if (current != null) {
                current.add(line);
            }
        }
        return threads;
    }
}
