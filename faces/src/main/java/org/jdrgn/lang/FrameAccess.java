package org.jdrgn.lang;

import org.jdrgn.elf.Symbol;
import org.jdrgn.error.LookupException;
import org.jdrgn.error.ValueErrorException;
import org.jdrgn.program.Program;
import org.jdrgn.stack.FrameTrace;
import org.jdrgn.stack.SourceLocation;
import org.jdrgn.stack.StackFrame;
import org.jdrgn.stack.StackTraces;

/**
 * drgn's stack_trace() arguments and StackFrame accessors with drgn's errors for what a
 * frame does not know, shared by the language adapters.
 */
public final class FrameAccess {
    private FrameAccess() {}

    /** prog.stack_trace(tid): unwinds the thread now. */
    public static FrameTrace trace(Program prog, long tid) {
        org.jdrgn.program.ProgramThread thread;
        try {
            thread = prog.thread(tid);
        } catch (LookupException e) {
            throw prog.target().threadNotFound();       // drgn's words: a kernel's thread is a task
        }
        return StackTraces.forProgram(prog).trace(thread);
    }

    /** Thread.stack_trace() of a thread threads() listed (see Program.Target#listedThread). */
    public static FrameTrace threadTrace(Program prog, long tid) {
        return StackTraces.forProgram(prog).trace(prog.target().listedThread(prog, tid));
    }

    /** prog.stack_trace(task) for a kernel {@code struct task_struct *}: by address, so idle tasks (pid 0) work too. */
    public static FrameTrace taskTrace(Program prog, long task) {
        return StackTraces.forProgram(prog).trace(prog.target().taskThread(task));
    }

    /** prog.stack_trace(regs) for a {@code struct pt_regs} or {@code struct pt_regs *}: unwinds from its registers. */
    public static FrameTrace regsTrace(Program prog, org.jdrgn.objects.DrgnObject regs) {
        StackTraces traces = StackTraces.forProgram(prog);
        return traces.expand(traces.unwinder().unwind(org.jdrgn.unwind.PtRegs.registers(regs)));
    }

    /** prog.stack_trace_from_pcs(pcs): frames of the given program counters, nothing unwound. */
    public static FrameTrace pcsTrace(Program prog, long[] pcs) {
        return org.jdrgn.stack.PcTrace.of(StackTraces.forProgram(prog), pcs);
    }

    public static long sp(StackFrame f) {
        return f.sp().orElseThrow(() -> new LookupException("stack pointer is not known"));
    }

    public static Symbol symbol(StackFrame f) {
        return f.symbol().orElseThrow(() ->
                new LookupException("could not find symbol containing 0x" + Long.toHexString(f.physical().lookupPc())));
    }

    public static SourceLocation source(StackFrame f) {
        return f.source().orElseThrow(() -> new LookupException("source code location not available"));
    }

    /** A register's value in the frame: ValueError for a name the architecture lacks, LookupError if unknown here. */
    public static long register(StackFrame f, String name) {
        if (f.physical().arch().number(name) < 0) throw new ValueErrorException("unknown register '" + name + "'");
        Long v = f.registers().get(name);
        if (v == null) throw new LookupException("register value is not known");
        return v;
    }
}
