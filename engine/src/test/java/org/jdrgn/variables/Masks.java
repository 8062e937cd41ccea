package org.jdrgn.variables;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdrgn.program.ProgramThread;
import org.jdrgn.unwind.LoadedCore;

/**
 * The masking testcores/oracle/drgn_oracle.py applies to values that differ between runs: the
 * jmp_buf registers (mangled with the pointer guard) and the stack canary / pointer guard
 * themselves (fs:0x28, fs:0x30 of the main thread).
 */
final class Masks {
    private static final Pattern JMPBUF = Pattern.compile("(\\.?jmp_buf = \\(__jmp_buf\\))\\{[^}]*\\}");

    private Masks() {}

    static String mask(String s, LoadedCore c) {
        String out = JMPBUF.matcher(s).replaceAll("$1{<masked>}");
        for (Map.Entry<Long, String> e : secrets(c).entrySet()) {
            long v = e.getKey();
            for (String form : new String[] {Long.toUnsignedString(v), Long.toString(v), "0x" + Long.toHexString(v)}) {
                out = out.replaceAll("(?<![0-9a-fx-])" + Pattern.quote(form) + "(?![0-9a-f])", Matcher.quoteReplacement(e.getValue()));
            }
        }
        return out;
    }

    private static Map<Long, String> secrets(LoadedCore c) {
        Map<Long, String> out = new LinkedHashMap<>();
        try {
            ProgramThread main = c.program().mainThread();
            long fs = main.registers().get("fs.base");
            long canary = c.program().readUnsigned(fs + 0x28, 8, false);
            long guard = c.program().readUnsigned(fs + 0x30, 8, false);
            if (Long.compareUnsigned(canary, 0xffff) > 0) out.put(canary, "<canary>");
            if (Long.compareUnsigned(guard, 0xffff) > 0) out.put(guard, "<ptr-guard>");
        } catch (RuntimeException e) {
            // no main thread or fs.base: nothing to mask
        }
        return out;
    }
}
