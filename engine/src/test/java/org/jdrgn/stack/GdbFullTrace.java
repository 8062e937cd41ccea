package org.jdrgn.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdrgn.unwind.GdbThreadBlocks;

/**
 * gdb's {@code thread apply all bt full} (testcores/oracle/&lt;core&gt;.gdb.txt) by LWP: each
 * logical frame (inline calls included, as gdb prints them) with its arguments (from the
 * "#N" line, {@code name=value} or {@code name=name@entry=value}) and locals (the indented
 * {@code name = value} lines under it), in gdb's order, duplicates kept.
 */
public record GdbFullTrace(Map<Long, List<GdbFullTrace.Frame>> threads) {
    public record Variable(String name, String value, boolean argument) {
        public boolean hasValue() { return !value.contains("<optimized out>"); }
    }

    public record Frame(int index, String function, List<Variable> variables) {}

    private static final Pattern FRAME = Pattern.compile("^#(\\d+)\\s+(?:0x[0-9a-f]+ in )?(\\S+) \\((.*)\\)(?: at \\S+| from \\S+)?$");
    private static final Pattern ARG = Pattern.compile("^(\\w+)=(?:\\w+@entry=)?(.*)$", Pattern.DOTALL);
    private static final Pattern LOCAL = Pattern.compile("^        (\\w+) = (.*)$");

    public static GdbFullTrace read(Path file) throws IOException {
        Map<Long, List<Frame>> threads = new LinkedHashMap<>();
        for (var block : GdbThreadBlocks.read(file).entrySet()) {
            List<Frame> current = new ArrayList<>();
            threads.put(block.getKey(), current);
            for (String line : block.getValue()) {
                Matcher f = FRAME.matcher(line);
                if (f.matches()) {
                    List<Variable> vars = new ArrayList<>();
                    for (String arg : GdbVariables.splitTopLevel(f.group(3))) {
                        Matcher a = ARG.matcher(arg);
                        if (a.matches()) vars.add(new Variable(a.group(1), a.group(2), true));
                    }
                    current.add(new Frame(Integer.parseInt(f.group(1)), f.group(2), vars));
                    continue;
                }
                Matcher l = LOCAL.matcher(line);
                if (l.matches() && !current.isEmpty()) current.getLast().variables().add(new Variable(l.group(1), l.group(2), false));
            }
        }
        threads.values().removeIf(List::isEmpty);
        return new GdbFullTrace(threads);
    }
}
