package org.jdrgn.stack;

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
 * drgn 0.0.22's logical stack traces from testcores/oracle/&lt;core&gt;.drgn.txt: per thread, the
 * printed trace (str(trace)) and each "--- frame" line with the locals printed under it
 * (name, then drgn's format_(dereference=False) text or "ERROR ...").
 */
public record DrgnStackOracle(Map<Long, Thread> threads) {
    public record Local(String name, String value) {}

    public record Frame(int index, String line, List<Local> locals) {}

    public record Thread(List<String> traceLines, List<Frame> frames) {}

    private static final Pattern THREAD = Pattern.compile("^======== thread (\\d+) ========$");
    private static final Pattern FRAME = Pattern.compile("^--- frame #(\\d+) (.*)$");
    private static final Pattern LOCAL = Pattern.compile("^    (\\w+) = (.*)$");

    public static DrgnStackOracle read(Path file) throws IOException { return parse(Files.readAllLines(file)); }

    /** The same sections printed by something else (the Python face under test). */
    public static DrgnStackOracle parse(List<String> lines) {
        Map<Long, Thread> threads = new LinkedHashMap<>();
        List<String> trace = null;
        List<Frame> frames = null;
        List<Local> locals = null;
        for (String line : lines) {
            if (line.startsWith("======== ")) {
                Matcher t = THREAD.matcher(line);
                trace = null;
                locals = null;
                if (t.matches()) {
                    trace = new ArrayList<>();
                    frames = new ArrayList<>();
                    threads.put(Long.parseLong(t.group(1)), new Thread(trace, frames));
                }
                continue;
            }
            if (trace == null) continue;
            Matcher f = FRAME.matcher(line);
            if (f.matches()) {
                locals = new ArrayList<>();
                frames.add(new Frame(Integer.parseInt(f.group(1)), f.group(2), locals));
            } else if (locals == null) {
                if (line.startsWith("#")) trace.add(line);
            } else if (line.startsWith("        ") && !locals.isEmpty()) {
                Local last = locals.removeLast();
                locals.add(new Local(last.name(), last.value() + "\n" + line.substring(8)));
            } else {
                Matcher l = LOCAL.matcher(line);
                if (l.matches()) locals.add(new Local(l.group(1), l.group(2)));
            }
        }
        return new DrgnStackOracle(threads);
    }
}
