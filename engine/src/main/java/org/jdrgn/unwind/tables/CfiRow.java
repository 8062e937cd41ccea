package org.jdrgn.unwind.tables;

import java.util.Map;

/**
 * One row of the CFI table: the rules in force at a pc.
 * @param fde         where it came from (its CIE gives the return address column and 'S')
 * @param cfa         how to compute the CFA
 * @param rules       DWARF register number -> rule; absent means unspecified
 * @param argsSize    the last DW_CFA_GNU_args_size (0 if none)
 */
public record CfiRow(Fde fde, CfaRule cfa, Map<Integer, RegisterRule> rules, long argsSize) {
    /** Largest DWARF register number accepted in CFI (guards maps against junk operands). */
    public static final int MAX_REGISTER = 4095;

    public CfiRow {
        rules = Map.copyOf(rules);
    }

    public int returnAddressRegister() { return fde.cie().raRegister(); }

    /** 'S' augmentation: this frame is a signal trampoline, so its caller was interrupted (exact pc). */
    public boolean isSignalFrame() { return fde.cie().signalFrame(); }

    public RegisterRule rule(int register) { return rules.get(register); }
}
