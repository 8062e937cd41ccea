package org.jdrgn.variables;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdrgn.dwarf.Die;
import org.jdrgn.dwarf.DwAt;
import org.jdrgn.dwarf.DwTag;
import org.jdrgn.stack.DieNames;
import org.jdrgn.stack.FrameScope;
import org.jdrgn.stack.StackFrame;

/**
 * The variables of a logical frame: parameters, local variables and constants declared in its
 * function and in the lexical blocks around the pc.
 */
public final class FrameVariables {
    private FrameVariables() {}

    /** Names in scope, outermost scope first and declaration order within each, each name once. */
    public static List<String> names(StackFrame frame) {
        Set<String> out = new LinkedHashSet<>();
        for (Die scope : scopes(frame)) {
            for (Die d : scope.children()) {
                if (!isVariable(d)) continue;
                String n = DieNames.name(d);
                if (n != null) out.add(n);
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * The innermost declaration of {@code name} visible at the pc. Failing that, as gdb does, a
     * variable with a location of its own (a function-static, a constant) that only the abstract
     * origin of an inlined or out-of-line instance declares: GCC does not repeat those in each
     * instance. {@link #names} does not list them (drgn 0.0.22's locals() does not).
     */
    public static Optional<Die> find(StackFrame frame, String name) {
        List<Die> scopes = scopes(frame);
        for (int i = scopes.size() - 1; i >= 0; i--) {
            for (Die d : scopes.get(i).children()) {
                if (isVariable(d) && name.equals(DieNames.name(d))) return Optional.of(d);
            }
        }
        for (int i = scopes.size() - 1; i >= 0; i--) {
            Die origin = scopes.get(i).ref(DwAt.abstract_origin);
            if (origin == null) continue;
            for (Die d : origin.children()) {
                if (isVariable(d) && name.equals(d.name()) && (d.has(DwAt.location) || d.has(DwAt.const_value))) return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static List<Die> scopes(StackFrame frame) {
        return frame.scope().map(FrameScope::all).orElse(List.of());
    }

    private static boolean isVariable(Die d) {
        return d.tag() == DwTag.formal_parameter || d.tag() == DwTag.variable || d.tag() == DwTag.constant;
    }
}
