package org.jdrgn.stack;

import java.util.Optional;
import org.jdrgn.elf.Symbol;

/**
 * drgn's text form of a stack trace: one line per logical frame,
 * {@code #N  name (file:line:col)} (the index left-aligned in two columns), or {@code #N  symbol+0xoff/0xsize}, or {@code #N  0xpc}.
 * Tail-call frames print like the others, as gdb prints them.
 * drgn 0.0.22 ends every trace with a "???" line for the frame past the outermost one; this
 * does not print it (there is no such frame: the CFI says the return address is undefined).
 */
public final class TraceFormatter {
    private TraceFormatter() {}

    public static String format(FrameTrace trace) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < trace.frames().size(); i++) {
            if (i > 0) b.append('\n');
            b.append(String.format("#%-2d ", i)).append(frame(trace.frames().get(i)));
        }
        return b.toString();
    }

    /**
     * drgn's str(StackFrame): {@code #N at 0xpc (sym+0xoff/0xsize) in name at file:line:col (inlined)},
     * each part present only when known.
     */
    public static String detailed(StackFrame f, int index) {
        StringBuilder b = new StringBuilder(String.format("#%d at 0x%x", index, f.pc()));
        f.symbol().ifPresent(s -> b.append(String.format(" (%s+0x%x/0x%x)", s.name(), f.pc() - s.address(), s.size())));
        if (f.name() != null) b.append(" in ").append(f.name());
        f.source().ifPresent(src -> b.append(" at ").append(src.format()));
        if (f.isInline()) b.append(" (inlined)");
        if (f.isTailCall()) b.append(" (tail call)");      // jdrgn only: drgn 0.0.22 has no tail-call frames
        return b.toString();
    }

    /** One frame without its "#N  " prefix. */
    public static String frame(StackFrame f) {
        String name = f.name();
        String text;
        if (name != null) {
            text = name;
        } else {
            Optional<Symbol> s = f.symbol();
            text = s.isPresent()
                    ? String.format("%s+0x%x/0x%x", s.get().name(), f.pc() - s.get().address(), s.get().size())
                    : String.format("0x%x", f.pc());
        }
        return f.source().map(src -> text + " (" + src.format() + ")").orElse(text);
    }
}
