package org.jdrgn.unwind;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * gdb's {@code thread apply all bt full} from testcores/oracle/&lt;core&gt;.gdb.txt, by LWP,
 * with inline frames folded into the physical frame that holds them: gdb prints an address
 * only for a frame whose pc is not at the start of a line, so an address-less frame after
 * #0 shares its pc with the frame before it (an inlined call).
 */
record GdbBacktrace(Map<Long, List<GdbBacktrace.Frame>> threads) {
    /** A physical frame: its pc (empty for #0 printed without one: the thread's rip) and gdb's names, innermost first. */
    record Frame(OptionalLong pc, List<String> names) {
        /** The function the code belongs to: the outermost of the inline chain. */
        String function() { return names.getLast(); }
    }

    private static final Pattern FRAME = Pattern.compile("^#(\\d+)\\s+(?:0x([0-9a-f]+) in )?(\\S+) \\(");

    static GdbBacktrace read(Path file) throws IOException {
        Map<Long, List<Frame>> threads = new LinkedHashMap<>();
        for (var block : GdbThreadBlocks.read(file).entrySet()) {
            List<Frame> current = new ArrayList<>();
            threads.put(block.getKey(), current);
            for (String line : block.getValue()) {
                Matcher f = FRAME.matcher(line);
                if (!f.find()) continue;
                int index = Integer.parseInt(f.group(1));
                String name = f.group(3);
                if (f.group(2) != null || index == 0) {
                    OptionalLong pc = f.group(2) == null ? OptionalLong.empty() : OptionalLong.of(Long.parseUnsignedLong(f.group(2), 16));
                    current.add(new Frame(pc, new ArrayList<>(List.of(name))));
                } else {
                    current.getLast().names().add(name);
                }
            }
        }
        threads.values().removeIf(List::isEmpty);
        return new GdbBacktrace(threads);
    }
}
