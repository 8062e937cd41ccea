package org.jdrgn.unwind;

import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jdrgn.program.Module;

/**
 * The frames of one stack, computed one ahead as they are asked for. Ends at the outermost
 * frame, or with a {@link StopReason} saying why it gave up: unreadable stack, no usable
 * unwind information, a repeated frame, or {@link #MAX_FRAMES}.
 */
public final class FrameWalk implements Iterator<PhysicalFrame> {
    public static final int MAX_FRAMES = 1024;

    private record Key(long cfaOrSp, long pc) {}

    private final Unwinder unwinder;
    private final Set<Key> seen = new HashSet<>();
    private RegisterSet regs;
    private boolean interrupted;
    private UnwindMethod method = UnwindMethod.INITIAL;
    private PhysicalFrame pending;
    private StopReason stop;
    private int count;

    /** @param exactPc the initial pc is where the thread stopped, not a return address */
    FrameWalk(Unwinder unwinder, RegisterSet initial, boolean exactPc) {
        this.unwinder = unwinder;
        this.regs = initial;
        this.interrupted = exactPc;
        advance();
    }

    @Override public boolean hasNext() { return pending != null; }

    @Override
    public PhysicalFrame next() {
        if (pending == null) throw new NoSuchElementException();
        PhysicalFrame f = pending;
        advance();
        return f;
    }

    /** Why the walk ended; empty while frames remain. */
    public Optional<StopReason> stopReason() { return pending == null ? Optional.ofNullable(stop) : Optional.empty(); }

    private void advance() {
        pending = null;
        if (regs == null) return;
        UnwindArch arch = unwinder.arch();
        OptionalLong pcOpt = regs.get(arch.pc());
        if (pcOpt.isEmpty()) { finish(new StopReason.Outermost()); return; }
        long pc = pcOpt.getAsLong();
        if (pc == 0 && count > 0) { finish(new StopReason.ZeroPc()); return; }
        if (count >= MAX_FRAMES) { finish(new StopReason.FrameLimit(MAX_FRAMES)); return; }
        long lookup = interrupted ? pc : pc - 1;
        Optional<Module> module = unwinder.moduleFor(lookup);
        Step step = unwinder.step(pc, lookup, regs, module);
        long where = step.cfa().orElse(regs.get(arch.sp()).orElse(0));
        if (!seen.add(new Key(where, pc))) { finish(new StopReason.Cycle(where, pc)); return; }
        pending = new PhysicalFrame(count++, pc, step.cfa(), regs, interrupted, step.signalFrame(), module, method, arch);
        switch (step.outcome()) {
            case Step.Caller c -> { regs = c.registers(); interrupted = c.interrupted(); method = c.method(); }
            case Step.Stop s -> { regs = null; stop = s.reason(); }
        }
    }

    private void finish(StopReason reason) {
        regs = null;
        stop = reason;
    }
}
