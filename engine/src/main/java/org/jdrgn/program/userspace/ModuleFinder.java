package org.jdrgn.program.userspace;

import org.jdrgn.program.LoadedModules;
import org.jdrgn.program.Module;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.core.CoreDump;
import org.jdrgn.core.CoreMemory;
import org.jdrgn.core.FileMapping;
import org.jdrgn.core.MappedFileSource;
import org.jdrgn.core.Memory;
import org.jdrgn.elf.BuildId;
import org.jdrgn.elf.ElfConstants;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.ElfNote;
import org.jdrgn.elf.ProgramHeader;
import org.jdrgn.error.DrgnException;

/**
 * Finds the modules of a userspace core: every file mapping (NT_FILE) whose first page holds
 * an ELF header, read from the core's memory together with its program headers and build-ID
 * note (so the build ID is the one that ran, whatever is on disk now); the vDSO from
 * AT_SYSINFO_EHDR. The main executable is the module holding AT_ENTRY, its bias checked
 * against AT_PHDR. Each module's files are then looked up with a {@link DebugFileFinder}.
 */
public final class ModuleFinder {
    private static final long PAGE = 4096;
    private static final int MAX_PHNUM = 4096;

    private final CoreDump core;
    private final Memory memory;
    private final DebugFileFinder finder;

    private ModuleFinder(CoreDump core, DebugFileFinder finder) {
        this.core = core;
        this.memory = new CoreMemory(core, MappedFileSource.NONE); // only what the core saved
        this.finder = finder;
    }

    public static LoadedModules find(CoreDump core, DebugFileFinder finder) {
        return new ModuleFinder(core, finder).find();
    }

    /** Link-time view of one image: its program headers and where its header was mapped. */
    private record Image(long headerAddress, List<ProgramHeader> phdrs, Optional<BuildId> buildId, Optional<ElfFile> fromDisk) {
        ProgramHeader firstLoad() {
            return phdrs.stream().filter(p -> p.type() == ElfConstants.PT_LOAD).findFirst().orElse(null);
        }
    }

    private LoadedModules find() {
        OptionalLong entry = core.auxv(ElfConstants.AT_ENTRY);
        OptionalLong atPhdr = core.auxv(ElfConstants.AT_PHDR);
        List<Module> modules = new ArrayList<>();
        Map<String, FileMapping> firstMappings = new LinkedHashMap<>();
        for (FileMapping m : core.fileMappings()) {
            if (m.fileOffset() == 0) firstMappings.putIfAbsent(m.path(), m);
        }
        for (FileMapping m : firstMappings.values()) {
            Optional<Image> image = readImage(m.start(), m.path());
            if (image.isEmpty() || image.get().firstLoad() == null) continue;
            Image img = image.get();
            long bias = m.start() - pageDown(img.firstLoad().vaddr());
            boolean isMain = entry.isPresent() && containsLoad(img, bias, entry.getAsLong());
            if (isMain && atPhdr.isPresent()) {
                for (ProgramHeader p : img.phdrs()) {
                    if (p.type() == ElfConstants.PT_PHDR) bias = atPhdr.getAsLong() - p.vaddr();
                }
            }
            Optional<ElfFile> loaded = finder.findLoaded(m.path(), img.buildId());
            if (loaded.isEmpty() && img.buildId().isEmpty()) loaded = img.fromDisk();
            Optional<ElfFile> debug = finder.findDebug(loaded, img.buildId());
            modules.add(module(m.path(), isMain ? Module.Kind.MAIN : Module.Kind.SHARED_LIBRARY, img, bias, loaded, debug));
        }
        vdso().ifPresent(modules::add);
        modules.sort(Comparator.comparing((Module mod) -> mod.kind() != Module.Kind.MAIN)
                .thenComparing(Module::start, Long::compareUnsigned));
        return new LoadedModules(modules);
    }

    private static Module module(String name, Module.Kind kind, Image img, long bias, Optional<ElfFile> loaded,
                                 Optional<ElfFile> debug) {
        long lo = -1, hi = 0;
        for (ProgramHeader p : img.phdrs()) {
            if (p.type() != ElfConstants.PT_LOAD) continue;
            long s = bias + pageDown(p.vaddr()), e = bias + pageUp(p.vaddr() + p.memsz());
            if (lo == -1 || Long.compareUnsigned(s, lo) < 0) lo = s;
            if (Long.compareUnsigned(e, hi) > 0) hi = e;
        }
        return new Module(name, kind, lo, hi, bias, img.buildId(), loaded, debug);
    }

    private static boolean containsLoad(Image img, long bias, long address) {
        for (ProgramHeader p : img.phdrs()) {
            if (p.type() == ElfConstants.PT_LOAD && Long.compareUnsigned(address - bias - p.vaddr(), p.memsz()) < 0) return true;
        }
        return false;
    }

    /** Reads the ELF header, program headers and build ID at {@code address} from the core, else from the file. */
    private Optional<Image> readImage(long address, String path) {
        byte[] ehdr = new byte[64];
        try {
            memory.read(address, ehdr, 0, 64, false);
        } catch (DrgnException e) {
            return fromFile(address, path); // header page not dumped (coredump_filter without bit 4)
        }
        ByteSlice h = ByteSlice.of(ehdr, path + " (ELF header in core)");
        if (h.u32(0) != 0x464c457fL || h.u8(4) != 2 || h.u8(5) != 1) return Optional.empty();
        long phoff = h.u64(32);
        int phentsize = h.u16(54), phnum = h.u16(56);
        if (phentsize < 56 || phnum == 0 || phnum > MAX_PHNUM) return Optional.empty();
        try {
            ByteSlice ph = ByteSlice.of(memory.read(address + phoff, phnum * phentsize, false), path + " (program headers in core)");
            List<ProgramHeader> phdrs = new ArrayList<>();
            for (int i = 0; i < phnum; i++) {
                long o = (long) i * phentsize;
                phdrs.add(new ProgramHeader((int) ph.u32(o), (int) ph.u32(o + 4), ph.u64(o + 8), ph.u64(o + 16),
                        ph.u64(o + 24), ph.u64(o + 32), ph.u64(o + 40), ph.u64(o + 48)));
            }
            Image partial = new Image(address, phdrs, Optional.empty(), Optional.empty());
            long bias = address - pageDown(partial.firstLoad() == null ? 0 : partial.firstLoad().vaddr());
            return Optional.of(new Image(address, phdrs, buildIdInMemory(phdrs, bias), Optional.empty()));
        } catch (DrgnException e) {
            return fromFile(address, path);
        }
    }

    private Optional<BuildId> buildIdInMemory(List<ProgramHeader> phdrs, long bias) {
        for (ProgramHeader p : phdrs) {
            if (p.type() != ElfConstants.PT_NOTE || p.filesz() <= 0 || p.filesz() > 1 << 20) continue;
            try {
                ByteSlice notes = ByteSlice.of(memory.read(bias + p.vaddr(), (int) p.filesz(), false), "notes in core");
                for (ElfNote n : ElfNote.parseAll(notes, p.align())) {
                    if (n.type() == ElfConstants.NT_GNU_BUILD_ID && n.name().equals("GNU") && n.desc().size() > 0) {
                        return Optional.of(BuildId.of(n.desc().bytes(0, (int) n.desc().size())));
                    }
                }
            } catch (DrgnException e) {
                // note page not saved: keep looking in other PT_NOTEs
            }
        }
        return Optional.empty();
    }

    /** Fallback when the core lacks the header page: trust the file at the mapped path. */
    private Optional<Image> fromFile(long address, String path) {
        Optional<ElfFile> f = finder.findLoaded(path, Optional.empty());
        return f.map(file -> new Image(address, file.programHeaders(), file.buildId(), Optional.of(file)));
    }

    private Optional<Module> vdso() {
        OptionalLong at = core.auxv(ElfConstants.AT_SYSINFO_EHDR);
        if (at.isEmpty() || at.getAsLong() == 0) return Optional.empty();
        long base = at.getAsLong();
        Optional<Image> image = readImage(base, "[vdso]");
        if (image.isEmpty() || image.get().firstLoad() == null) return Optional.empty();
        Image img = image.get();
        long bias = base - pageDown(img.firstLoad().vaddr());
        long size = 0;
        for (ProgramHeader p : img.phdrs()) {
            if (p.type() == ElfConstants.PT_LOAD) size = Math.max(size, pageUp(p.offset() + p.filesz()));
        }
        Optional<ElfFile> file = Optional.empty();
        try {
            if (size > 0 && size <= 1 << 20) {
                file = Optional.of(ElfFile.of(ByteSlice.of(memory.read(base, (int) size, false), "[vdso]"), "[vdso]"));
            }
        } catch (DrgnException e) {
            // vDSO not in the core (gcore may skip it): listed without a file
        }
        return Optional.of(module("[vdso]", Module.Kind.VDSO, img, bias, file, Optional.empty()));
    }

    private static long pageDown(long v) { return v & -PAGE; }

    private static long pageUp(long v) { return (v + PAGE - 1) & -PAGE; }
}
