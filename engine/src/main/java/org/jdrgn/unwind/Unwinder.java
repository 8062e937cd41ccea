package org.jdrgn.unwind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.jdrgn.core.Memory;
import org.jdrgn.core.RegisterDef;
import org.jdrgn.elf.Lazy;
import org.jdrgn.error.DrgnException;
import org.jdrgn.error.FaultException;
import org.jdrgn.error.ValueErrorException;
import org.jdrgn.program.LoadedModules;
import org.jdrgn.program.Module;
import org.jdrgn.program.Platform;
import org.jdrgn.program.Program;
import org.jdrgn.program.ProgramFlags;
import org.jdrgn.program.ProgramThread;
import org.jdrgn.unwind.tables.CfiRow;
import org.jdrgn.unwind.tables.OrcEntry;
import org.jdrgn.unwind.tables.OrcTable;

/**
 * Unwinds the physical frames of a thread: CFI of the module holding each pc (.eh_frame,
 * then .debug_frame), else the Linux kernel's ORC table (which also covers the assembly entry
 * code and its struct pt_regs), else the frame-pointer chain. Never throws for a bad stack or
 * bad unwind information: the trace ends with a {@link StopReason} instead. Per-module CFI
 * and ORC are read lazily and kept for the life of the unwinder (one per program).
 */
public final class Unwinder {
    /** DWARF number of x86-64's cs, whose low 2 bits are the privilege level the code ran at. */
    private static final int X86_64_CS = 51;

    private final UnwindArch arch;
    private final StackMemory memory;
    private final Optional<LoadedModules> modules;
    private final boolean kernel;
    private final Map<Module, ModuleCfi> cfi = new ConcurrentHashMap<>();
    private final Map<Module, Lazy<Optional<OrcTable>>> orc = new ConcurrentHashMap<>();
    private final CfiStepper cfiStepper;
    private final OrcStepper orcStepper;
    private final FramePointerStepper fpStepper;

    public Unwinder(UnwindArch arch, Memory memory, Optional<LoadedModules> modules) {
        this(arch, memory, modules, false);
    }

    /** @param kernel the program is a Linux kernel: a frame in ring 3 (user code entered the kernel from) is the last */
    public Unwinder(UnwindArch arch, Memory memory, Optional<LoadedModules> modules, boolean kernel) {
        this.arch = arch;
        this.kernel = kernel;
        this.memory = new StackMemory(memory);
        this.modules = modules;
        this.cfiStepper = new CfiStepper(arch, this.memory);
        this.fpStepper = new FramePointerStepper(arch, this.memory);
        this.orcStepper = new OrcStepper(this.memory);
    }

    /** An unwinder over a loaded program's memory and modules (x86-64 only for now). */
    public static Unwinder forProgram(Program prog) {
        if (prog.platform() == null || prog.platform().arch() != Platform.X86_64.arch()) {
            throw new ValueErrorException("stack unwinding is only implemented for x86-64");
        }
        return new Unwinder(UnwindArch.X86_64, prog.memory(), prog.target().loadedModules(),
                (prog.flags() & ProgramFlags.IS_LINUX_KERNEL) != 0);
    }

    public UnwindArch arch() { return arch; }

    /** The frames of a thread, computed as they are consumed. */
    public FrameWalk frames(ProgramThread thread) { return frames(thread.registers(), thread.exactPc()); }

    /** The frames starting from registers given by drgn name ("rip", "rsp", ...). */
    public FrameWalk frames(Map<String, Long> registers) { return frames(registers, true); }

    private FrameWalk frames(Map<String, Long> registers, boolean exactPc) {
        RegisterSet.Builder b = new RegisterSet.Builder();
        for (RegisterDef d : arch.layout().registers()) {
            Long v = registers.get(d.name());
            if (v != null) b.set(d.dwarfNumber(), v);
        }
        return new FrameWalk(this, b.build(), exactPc);
    }

    public StackTrace unwind(ProgramThread thread) { return collect(frames(thread)); }

    public StackTrace unwind(Map<String, Long> registers) { return collect(frames(registers)); }

    private static StackTrace collect(FrameWalk walk) {
        List<PhysicalFrame> frames = new ArrayList<>();
        while (walk.hasNext()) frames.add(walk.next());
        return new StackTrace(frames, walk.stopReason().orElseThrow());
    }

    public Optional<Module> moduleFor(long address) { return modules.flatMap(m -> m.forAddress(address)); }

    /** The CFI row for a run-time address in a module; FormatException / UnwindException if its CFI is bad. */
    public Optional<CfiRow> cfiRow(Module module, long address) {
        return cfi.computeIfAbsent(module, m -> new ModuleCfi(m, arch.wordSize())).row(address);
    }

    /**
     * The ORC entry for a run-time address in a module (x86-64 kernel images only); empty if
     * the module has no ORC table or it has no entry there. FormatException if the table is bad.
     */
    public Optional<OrcEntry> orcEntry(Module module, long address) {
        if (arch != UnwindArch.X86_64) return Optional.empty();
        return orc.computeIfAbsent(module, m -> new Lazy<>(() -> orcTable(m))).get()
                .flatMap(t -> t.find(address - module.bias()));
    }

    private static Optional<OrcTable> orcTable(Module m) {
        Optional<OrcTable> t = m.loadedFile().flatMap(OrcTable::of);
        return t.isPresent() ? t : m.debugFile().flatMap(OrcTable::of);
    }

    /**
     * One frame: CFI if some covers {@code lookup}, else ORC, else frame pointers; a Stop
     * instead of any exception. Where CFI and ORC both apply but give different CFAs, ORC is
     * taken: objtool derives it from the machine code, so it sees what GCC's CFI cannot (inline
     * asm that switches to the IRQ stack or pushes, code patched at boot). Bad CFI or ORC is
     * passed over for the next method, and named in the Stop if none works.
     */
    Step step(long pc, long lookup, RegisterSet regs, Optional<Module> module) {
        if (kernel && (regs.get(X86_64_CS).orElse(0) & 3) == 3) {
            return Step.stop(OptionalLong.empty(), false, new StopReason.UserMode(pc));
        }
        try {
            DrgnException bad = null;
            if (module.isPresent()) {
                Step viaCfi = null, viaOrc = null;
                try {
                    Optional<CfiRow> row = cfiRow(module.get(), lookup);
                    if (row.isPresent()) viaCfi = cfiStep(row.get(), regs, pc);
                } catch (DrgnException e) {
                    bad = e;
                }
                try {
                    viaOrc = orcStep(module.get(), lookup, regs, pc);
                } catch (DrgnException e) {
                    if (bad == null) bad = e;
                }
                boolean orcDiffers = viaOrc != null && viaOrc.outcome() instanceof Step.Caller
                        && (viaCfi == null || !viaOrc.cfa().equals(viaCfi.cfa()));
                if (orcDiffers) return viaOrc;
                if (viaCfi != null) return viaCfi;
                if (viaOrc != null) return viaOrc;
            }
            String why = bad != null ? bad.getMessage()
                    : module.isPresent() ? "no CFI or ORC in " + module.get().name() : "pc is in no known module";
            Step fp = fpStepper.step(pc, regs, why);
            if (bad != null && fp.outcome() instanceof Step.Stop) {
                return Step.stop(fp.cfa(), false, new StopReason.BadUnwindInfo(pc, bad.getMessage()));
            }
            return fp;
        } catch (RuntimeException e) {
            // a bug here must not take the caller down: end the trace saying so
            return Step.stop(OptionalLong.empty(), false, new StopReason.BadUnwindInfo(pc, e.toString()));
        }
    }

    private Step cfiStep(CfiRow row, RegisterSet regs, long pc) {
        try {
            return cfiStepper.step(row, regs);
        } catch (FaultException f) {
            return Step.stop(OptionalLong.empty(), row.isSignalFrame(),
                    new StopReason.Fault(f.address(), "CFA of frame at 0x" + Long.toHexString(pc) + ": " + f.getMessage()));
        }
    }

    /** The ORC step, or null where the module has no ORC or no rule at {@code lookup}. */
    private Step orcStep(Module module, long lookup, RegisterSet regs, long pc) {
        Optional<OrcEntry> entry = orcEntry(module, lookup);
        if (entry.isEmpty()) return null;
        try {
            return orcStepper.step(entry.get(), regs).orElse(null);
        } catch (FaultException f) {
            return Step.stop(OptionalLong.empty(), false,
                    new StopReason.Fault(f.address(), "ORC CFA of frame at 0x" + Long.toHexString(pc) + ": " + f.getMessage()));
        }
    }
}
