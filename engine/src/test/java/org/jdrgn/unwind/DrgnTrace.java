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
 * drgn 0.0.22's stack traces from testcores/oracle/&lt;core&gt;.drgn.txt ("--- frame" lines of
 * each "thread N" section), inline frames dropped: what remains are drgn's physical frames.
 * A frame whose pc drgn does not know (its trailing "???") has pc -1 and symbol null.
 */
record DrgnTrace(Map<Long, List<DrgnTrace.Frame>> threads) {
    record Frame(long pc, boolean interrupted, String symbol) {
        boolean pcKnown() { return pc != -1; }
    }

    private static final Pattern THREAD = Pattern.compile("^======== thread (\\d+) ========$");
    private static final Pattern FRAME = Pattern.compile(
            "^--- frame #\\d+ name=\\S+ inline=(True|False) interrupted=(True|False) pc=(0x[0-9a-f]+|ERROR .*?) symbol=(\\S+)");

    static DrgnTrace read(Path file) throws IOException {
        Map<Long, List<Frame>> threads = new LinkedHashMap<>();
        List<Frame> current = null;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("======== ")) {
                Matcher t = THREAD.matcher(line);
                current = t.matches() ? new ArrayList<>() : null;
                if (current != null) threads.put(Long.parseLong(t.group(1)), current);
                continue;
            }
            Matcher f = FRAME.matcher(line);
            if (current == null || !f.find() || f.group(1).equals("True")) continue;
            boolean known = f.group(3).startsWith("0x");
            current.add(new Frame(known ? Long.parseUnsignedLong(f.group(3).substring(2), 16) : -1,
                    f.group(2).equals("True"), known ? f.group(4) : null));
        }
        return new DrgnTrace(threads);
    }
}
