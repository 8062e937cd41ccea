package org.jdrgn.unwind;

import java.util.OptionalLong;
import org.jdrgn.error.FaultException;
import org.jdrgn.unwind.tables.CfaRule;
import org.jdrgn.unwind.tables.CfiRow;
import org.jdrgn.unwind.tables.RegisterRule;

/**
 * Applies one CFI row to a frame's registers (DWARF 5 §6.4.1): computes the CFA, then each
 * register of the caller by its rule. A register without a rule keeps its value if the ABI
 * says callees preserve it, and is unknown otherwise; the caller's sp is the CFA. Only a
 * fault reading the return address stops the trace: other saved slots that cannot be read
 * just leave that register unknown.
 */
final class CfiStepper {
    private final UnwindArch arch;
    private final StackMemory memory;

    CfiStepper(UnwindArch arch, StackMemory memory) {
        this.arch = arch;
        this.memory = memory;
    }

    /** UnwindException / FormatException for unusable rules; FaultException only for the CFA itself. */
    Step step(CfiRow row, RegisterSet regs) {
        ExpressionContext ctx = context(regs);
        long cfa = switch (row.cfa()) {
            case CfaRule.RegisterOffset ro -> regs.require(ro.register()) + ro.offset();
            case CfaRule.Expression e -> DwarfExpression.evaluate(e.expression(), ctx);
        };
        OptionalLong cfaOpt = OptionalLong.of(cfa);
        int ra = row.returnAddressRegister();
        RegisterRule raRule = row.rule(ra);
        if (raRule == null || raRule instanceof RegisterRule.Undefined) {
            return Step.stop(cfaOpt, row.isSignalFrame(), new StopReason.Outermost());
        }
        long returnAddress;
        try {
            OptionalLong v = apply(raRule, ra, regs, cfa, ctx);
            if (v.isEmpty()) return Step.stop(cfaOpt, row.isSignalFrame(), new StopReason.Outermost());
            returnAddress = v.getAsLong();
        } catch (FaultException f) {
            return Step.stop(cfaOpt, row.isSignalFrame(), new StopReason.Fault(f.address(),
                    "return address of frame with CFA 0x" + Long.toHexString(cfa) + ": " + f.getMessage()));
        }
        RegisterSet.Builder caller = new RegisterSet.Builder();
        for (int r = 0; r < RegisterSet.SIZE; r++) {
            if (r == ra || r == arch.pc()) continue;
            RegisterRule rule = row.rule(r);
            try {
                OptionalLong v = rule == null
                        ? (arch.isCalleeSaved(r) ? regs.get(r) : OptionalLong.empty())
                        : apply(rule, r, regs, cfa, ctx);
                if (v.isPresent()) caller.set(r, v.getAsLong());
            } catch (FaultException | UnwindException e) {
                // that register is lost in the caller; the trace itself goes on
            }
        }
        if (row.rule(arch.sp()) == null) caller.set(arch.sp(), cfa);
        caller.set(arch.pc(), returnAddress);
        return new Step(cfaOpt, row.isSignalFrame(),
                new Step.Caller(caller.build(), row.isSignalFrame(), UnwindMethod.CFI));
    }

    private OptionalLong apply(RegisterRule rule, int reg, RegisterSet regs, long cfa, ExpressionContext ctx) {
        return switch (rule) {
            case RegisterRule.Undefined u -> OptionalLong.empty();
            case RegisterRule.SameValue s -> regs.get(reg);
            case RegisterRule.Offset o -> OptionalLong.of(memory.read(cfa + o.offset(), arch.wordSize()));
            case RegisterRule.ValOffset o -> OptionalLong.of(cfa + o.offset());
            case RegisterRule.InRegister r -> regs.get(r.register());
            case RegisterRule.AtExpression e ->
                    OptionalLong.of(memory.read(DwarfExpression.evaluate(e.expression(), ctx, cfa), arch.wordSize()));
            case RegisterRule.ValExpression e -> OptionalLong.of(DwarfExpression.evaluate(e.expression(), ctx, cfa));
        };
    }

    private ExpressionContext context(RegisterSet regs) {
        return new ExpressionContext() {
            @Override public long register(int r) { return regs.require(r); }
            @Override public long read(long address, int size) { return memory.read(address, size); }
        };
    }
}
