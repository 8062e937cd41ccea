package org.jdrgn.unwind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.jdrgn.core.Memory;
import org.jdrgn.core.RegisterDef;
import org.jdrgn.error.DrgnException;
import org.jdrgn.error.FaultException;
import org.jdrgn.error.ValueErrorException;
import org.jdrgn.program.LoadedModules;
import org.jdrgn.program.Module;
import org.jdrgn.program.Platform;
import org.jdrgn.program.Program;
import org.jdrgn.program.ProgramThread;

/**
 * Unwinds the physical frames of a thread: CFI of the module holding each pc (.eh_frame,
 * then .debug_frame), else the frame-pointer chain. Never throws for a bad stack or bad CFI:
 * the trace ends with a {@link StopReason} instead. Per-module CFI is parsed lazily and kept
 * for the life of the unwinder (one per program).
 */
public final class Unwinder {
    private final UnwindArch arch;
    private final StackMemory memory;
    private final Optional<LoadedModules> modules;
    private final Map<Module, ModuleCfi> cfi = new ConcurrentHashMap<>();
    private final CfiStepper cfiStepper;
    private final FramePointerStepper fpStepper;

    public Unwinder(UnwindArch arch, Memory memory, Optional<LoadedModules> modules) {
        this.arch = arch;
        this.memory = new StackMemory(memory);
        this.modules = modules;
        this.cfiStepper = new CfiStepper(arch, this.memory);
        this.fpStepper = new FramePointerStepper(arch, this.memory);
    }

    /** An unwinder over a loaded program's memory and modules (x86-64 only for now). */
    public static Unwinder forProgram(Program prog) {
        if (prog.platform() == null || prog.platform().arch() != Platform.X86_64.arch()) {
            throw new ValueErrorException("stack unwinding is only implemented for x86-64");
        }
        return new Unwinder(UnwindArch.X86_64, prog.memory(), prog.target().loadedModules());
    }

    public UnwindArch arch() { return arch; }

    /** The frames of a thread, computed as they are consumed. */
    public FrameWalk frames(ProgramThread thread) { return frames(thread.registers()); }

    /** The frames starting from registers given by drgn name ("rip", "rsp", ...). */
    public FrameWalk frames(Map<String, Long> registers) {
        RegisterSet.Builder b = new RegisterSet.Builder();
        for (RegisterDef d : arch.layout().registers()) {
            Long v = registers.get(d.name());
            if (v != null) b.set(d.dwarfNumber(), v);
        }
        return new FrameWalk(this, b.build());
    }

    public StackTrace unwind(ProgramThread thread) { return collect(frames(thread)); }

    public StackTrace unwind(Map<String, Long> registers) { return collect(frames(registers)); }

    private static StackTrace collect(FrameWalk walk) {
        List<PhysicalFrame> frames = new ArrayList<>();
        while (walk.hasNext()) frames.add(walk.next());
        return new StackTrace(frames, walk.stopReason().orElseThrow());
    }

    Optional<Module> moduleFor(long address) { return modules.flatMap(m -> m.forAddress(address)); }

    /** The CFI row for a run-time address in a module; FormatException / UnwindException if its CFI is bad. */
    public Optional<CfiRow> cfiRow(Module module, long address) {
        return cfi.computeIfAbsent(module, m -> new ModuleCfi(m, arch.wordSize())).row(address);
    }

    /** One frame: CFI if some covers {@code lookup}, else frame pointers; a Stop instead of any exception. */
    Step step(long pc, long lookup, RegisterSet regs, Optional<Module> module) {
        String why;
        try {
            Optional<CfiRow> row = module.isPresent() ? cfiRow(module.get(), lookup) : Optional.empty();
            if (row.isPresent()) {
                try {
                    return cfiStepper.step(row.get(), regs);
                } catch (FaultException f) {
                    return Step.stop(OptionalLong.empty(), row.get().isSignalFrame(),
                            new StopReason.Fault(f.address(), "CFA of frame at 0x" + Long.toHexString(pc) + ": " + f.getMessage()));
                }
            }
            why = module.isPresent() ? "no CFI in " + module.get().name() : "pc is in no known module";
        } catch (DrgnException e) {
            Step fp = fpStepper.step(pc, regs, e.getMessage());
            if (fp.outcome() instanceof Step.Stop) {
                return Step.stop(fp.cfa(), false, new StopReason.BadUnwindInfo(pc, e.getMessage()));
            }
            return fp;
        } catch (RuntimeException e) {
            // a bug here must not take the caller down: end the trace saying so
            return Step.stop(OptionalLong.empty(), false, new StopReason.BadUnwindInfo(pc, e.toString()));
        }
        return fpStepper.step(pc, regs, why);
    }
}
