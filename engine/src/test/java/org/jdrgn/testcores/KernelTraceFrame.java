package org.jdrgn.testcores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One row of a kernel oracle's &lt;dump&gt;.traces.tsv: a frame of drgn 0.0.22's stack trace of
 * a task. Absent values ("-" in the file: no function name, no source position, no symbol)
 * are empty; pc and sp are empty when drgn raised for them ("ERROR ..." in the file).
 */
public record KernelTraceFrame(long task, int pid, String comm, int frame, Optional<String> function,
        Optional<String> file, int line, int column, Optional<Long> pc, Optional<Long> sp,
        boolean inline, boolean interrupted, Optional<String> symbol) {

    private static final int COLUMNS = 13;

    /** The rows of a traces.tsv file, in file order (task by task, frame 0 first). */
    public static List<KernelTraceFrame> read(Path tsv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(tsv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<KernelTraceFrame> frames = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("#")) continue;
            String[] c = lines.get(i).split("\t", -1);
            if (c.length != COLUMNS) {
                throw new IllegalStateException(tsv + ":" + (i + 1) + ": " + c.length + " columns, want " + COLUMNS);
            }
            frames.add(new KernelTraceFrame(hex(c[0]).orElseThrow(), Integer.parseInt(c[1]), c[2],
                    Integer.parseInt(c[3]), text(c[4]), text(c[5]), number(c[6]), number(c[7]), hex(c[8]),
                    hex(c[9]), c[10].equals("1"), c[11].equals("1"), text(c[12])));
        }
        return frames;
    }

    /** "file:line:column" as drgn prints a frame's position, or empty without one. */
    public Optional<String> position() {
        return file.map(f -> f + ":" + line + ":" + column);
    }

    private static Optional<String> text(String s) {
        return s.equals("-") ? Optional.empty() : Optional.of(s);
    }

    private static int number(String s) {
        return s.equals("-") ? -1 : Integer.parseInt(s);
    }

    private static Optional<Long> hex(String s) {
        if (!s.startsWith("0x")) return Optional.empty();
        return Optional.of(Long.parseUnsignedLong(s.substring(2), 16));
    }
}
