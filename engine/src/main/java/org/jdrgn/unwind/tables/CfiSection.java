package org.jdrgn.unwind.tables;

import java.util.Optional;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.Lazy;
import org.jdrgn.elf.SectionHeader;

/**
 * The CFI of one section of one ELF file: .eh_frame (searched through .eh_frame_hdr when the
 * file has one) or .debug_frame (through an index built on first use). Addresses are
 * link-time.
 */
public final class CfiSection {
    private final CfiEntryReader reader;
    private final Lazy<FdeIndex> index;

    private CfiSection(CfiEntryReader reader, Lazy<FdeIndex> index) {
        this.reader = reader;
        this.index = index;
    }

    /** Which of a file's CFI sections, for a given address size: all its parse depends on. */
    private record Key(boolean ehFrame, int addressSize) {}

    /**
     * The file's .eh_frame, if it has one with contents. Built once per file: the FDE index and
     * CIEs hold only link-time addresses, so every Program (and module bias) can share them.
     */
    public static Optional<CfiSection> ehFrame(ElfFile file, int addressSize) {
        return file.derived(new Key(true, addressSize), () -> readEhFrame(file, addressSize));
    }

    private static Optional<CfiSection> readEhFrame(ElfFile file, int addressSize) {
        Optional<SectionHeader> sh = file.section(".eh_frame").filter(s -> s.hasData() && s.size() > 0);
        if (sh.isEmpty()) return Optional.empty();
        CfiEntryReader r = new CfiEntryReader(file.sectionData(sh.get()), true, addressSize, sh.get().addr());
        Optional<SectionHeader> hdr = file.section(".eh_frame_hdr").filter(s -> s.hasData() && s.size() > 0);
        return Optional.of(new CfiSection(r, new Lazy<>(() -> {
            if (hdr.isPresent()) {
                ByteSlice h = file.sectionData(hdr.get());
                Optional<EhFrameHdrIndex> table = EhFrameHdrIndex.of(r, sh.get().addr(), h, hdr.get().addr());
                if (table.isPresent()) return table.get();
            }
            return new SortedFdeIndex(r);
        })));
    }

    /** The file's .debug_frame, if it has one with contents; shared per file like {@link #ehFrame}. */
    public static Optional<CfiSection> debugFrame(ElfFile file, int addressSize) {
        return file.derived(new Key(false, addressSize), () -> readDebugFrame(file, addressSize));
    }

    private static Optional<CfiSection> readDebugFrame(ElfFile file, int addressSize) {
        Optional<SectionHeader> sh = file.section(".debug_frame").filter(s -> s.hasData() && s.size() > 0);
        if (sh.isEmpty()) return Optional.empty();
        CfiEntryReader r = new CfiEntryReader(file.sectionData(sh.get()), false, addressSize, 0);
        return Optional.of(new CfiSection(r, new Lazy<>(() -> new SortedFdeIndex(r))));
    }

    /** The FDE covering a link-time pc. */
    public Optional<Fde> fde(long pc) { return index.get().find(pc); }

    /** The CFI row in force at a link-time pc. */
    public Optional<CfiRow> row(long pc) { return fde(pc).map(f -> CfiProgram.rowFor(f, pc)); }

    public String name() { return reader.data().what(); }
}
