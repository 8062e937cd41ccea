package org.jdrgn.program.userspace;

import org.jdrgn.program.LoadedModules;
import org.jdrgn.program.Program;
import org.jdrgn.program.ProgramThread;
import org.jdrgn.elf.Symbol;
import java.util.List;
import java.util.Optional;
import org.jdrgn.core.CoreDump;
import org.jdrgn.core.PrStatus;

/** Threads and symbols of a userspace core dump, for {@link Program}. */
final class CoreTarget implements Program.Target {
    private final CoreDump dump;
    private final LoadedModules modules;
    private final List<ProgramThread> threads;

    CoreTarget(CoreDump dump, LoadedModules modules) {
        this.dump = dump;
        this.modules = modules;
        long pid = dump.pid().orElse(-1);
        // A core saves only the process name (NT_PRPSINFO), which is the main thread's.
        String mainName = dump.prpsinfo().map(p -> p.fname()).orElse(null);
        this.threads = dump.threads().stream()
                .map(t -> new ProgramThread(t.tid(), t.tid() == pid ? mainName : null, t.registers()))
                .toList();
    }

    LoadedModules modules() { return modules; }

    @Override
    public Optional<LoadedModules> loadedModules() { return Optional.of(modules); }

    private ProgramThread of(PrStatus s) {
        for (ProgramThread t : threads) if (t.tid() == s.tid()) return t;
        throw new IllegalStateException("thread " + s.tid() + " not indexed");
    }

    public List<ProgramThread> threads() { return threads; }

    public Optional<ProgramThread> crashedThread() { return dump.crashedThread().map(this::of); }

    public Optional<ProgramThread> mainThread() {
        long pid = dump.pid().orElse(-1);
        return threads.stream().filter(t -> t.tid() == pid).findFirst();
    }

    public Optional<Symbol> symbolAt(long address) { return modules.symbolAt(address); }

    public Optional<Symbol> symbolNamed(String name) { return modules.symbolNamed(name); }

    public List<Symbol> symbols(Object addressOrName) {
        return modules.symbols(addressOrName);
    }
}
