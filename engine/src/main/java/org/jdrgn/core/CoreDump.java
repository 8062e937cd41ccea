package org.jdrgn.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdrgn.elf.ElfConstants;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.ElfFormatException;
import org.jdrgn.elf.ElfNote;
import org.jdrgn.elf.ProgramHeader;

/**
 * A userspace ELF core dump: its PT_LOAD segments and the process notes (threads, command,
 * signal, auxiliary vector, mapped files). Everything is decoded once, at {@link #of}.
 */
public final class CoreDump {
    private final ElfFile elf;
    private final RegisterLayout layout;
    private final List<LoadSegment> segments;
    private final List<PrStatus> threads = new ArrayList<>();
    private PrPsInfo prpsinfo;
    private SigInfo siginfo;
    private List<AuxvEntry> auxv = List.of();
    private List<FileMapping> files = List.of();

    private CoreDump(ElfFile elf) {
        this.elf = elf;
        if (elf.type() != ElfConstants.ET_CORE) {
            throw new ElfFormatException(elf.name(), "not a core dump (ELF type " + elf.type() + ")");
        }
        this.layout = RegisterLayout.forMachine(elf.machine()).orElseThrow(() ->
                new ElfFormatException(elf.name(), "core dumps of ELF machine " + elf.machine() + " are not supported"));
        List<LoadSegment> segs = new ArrayList<>();
        for (ProgramHeader p : elf.programHeaders()) {
            if (p.type() == ElfConstants.PT_LOAD && p.memsz() > 0) {
                segs.add(new LoadSegment(p.vaddr(), p.memsz(), p.offset(), p.filesz(), p.flags()));
            }
        }
        segs.sort(Comparator.comparing(LoadSegment::vaddr, Long::compareUnsigned));
        this.segments = List.copyOf(segs);
        for (ElfNote n : elf.notes()) {
            if (!n.name().equals("CORE")) continue;
            switch (n.type()) {
                case ElfConstants.NT_PRSTATUS -> threads.add(CoreNotes.prstatus(n.desc(), layout));
                case ElfConstants.NT_PRPSINFO -> prpsinfo = CoreNotes.prpsinfo(n.desc());
                case ElfConstants.NT_SIGINFO -> { if (siginfo == null) siginfo = CoreNotes.siginfo(n.desc()); }
                case ElfConstants.NT_AUXV -> auxv = CoreNotes.auxv(n.desc());
                case ElfConstants.NT_FILE -> files = CoreNotes.files(n.desc());
                default -> { }
            }
        }
    }

    /** Decodes {@code elf}, which must be an ET_CORE of a supported machine. */
    public static CoreDump of(ElfFile elf) { return new CoreDump(elf); }

    public ElfFile elf() { return elf; }

    public RegisterLayout registerLayout() { return layout; }

    /** PT_LOAD segments sorted by address (empty ones dropped). */
    public List<LoadSegment> segments() { return segments; }

    /** NT_PRSTATUS of every thread, in note order. */
    public List<PrStatus> threads() { return List.copyOf(threads); }

    public Optional<PrStatus> thread(int tid) {
        return threads.stream().filter(t -> t.tid() == tid).findFirst();
    }

    /**
     * The thread that got the fatal signal: the kernel writes its NT_PRSTATUS first (and gdb's
     * gcore writes the selected thread first), which is also what drgn 0.0.22 reports.
     */
    public Optional<PrStatus> crashedThread() { return threads.stream().findFirst(); }

    /** The process ID: NT_PRPSINFO's pr_pid, else the first thread's TID. */
    public OptionalLong pid() {
        if (prpsinfo != null) return OptionalLong.of(prpsinfo.pid());
        return threads.isEmpty() ? OptionalLong.empty() : OptionalLong.of(threads.get(0).tid());
    }

    public Optional<PrPsInfo> prpsinfo() { return Optional.ofNullable(prpsinfo); }

    public Optional<SigInfo> siginfo() { return Optional.ofNullable(siginfo); }

    public List<AuxvEntry> auxv() { return auxv; }

    public OptionalLong auxv(long key) {
        for (AuxvEntry e : auxv) if (e.key() == key) return OptionalLong.of(e.value());
        return OptionalLong.empty();
    }

    /** NT_FILE mappings in note order (ascending addresses, as the kernel writes them). */
    public List<FileMapping> fileMappings() { return files; }
}
