package org.jdrgn.elf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;

/**
 * A read-only ELF64 little-endian file over a mapped {@link ByteSlice}. Headers are read when
 * opened; notes, symbols and (decompressed) section data are read on first use and cached.
 */
public final class ElfFile {
    private final String name;
    private final Path path;
    private final ByteSlice data;
    private final ElfHeader header;
    private final List<ProgramHeader> segments;
    private final List<SectionHeader> sections;
    private final ConcurrentHashMap<Integer, ByteSlice> sectionData = new ConcurrentHashMap<>();
    private final Lazy<List<ElfNote>> notes = new Lazy<>(this::readNotes);
    private final Lazy<List<ElfSymbol>> symtab = new Lazy<>(() -> readSymbols(ElfConstants.SHT_SYMTAB));
    private final Lazy<List<ElfSymbol>> dynsym = new Lazy<>(() -> readSymbols(ElfConstants.SHT_DYNSYM));
    private final Lazy<Optional<BuildId>> buildId = new Lazy<>(this::readBuildId);
    private final Lazy<Optional<ElfFile>> gnuDebugData = new Lazy<>(this::readGnuDebugData);
    private final ConcurrentHashMap<Object, Object> derived = new ConcurrentHashMap<>();

    private ElfFile(ByteSlice data, String name, Path path) {
        this.name = name;
        this.path = path;
        this.data = data.named(name);
        this.header = ElfHeader.parse(this.data, name);
        this.segments = readProgramHeaders();
        this.sections = readSectionHeaders();
    }

    /**
     * Maps and parses {@code file}; the same object as an earlier open of this path while the
     * file is unchanged (size, mtime, inode), so that its {@link #derived} structures are shared.
     */
    public static ElfFile open(Path file) throws IOException {
        return OpenedFiles.open(file, p -> new ElfFile(ByteSlice.map(p), p.toString(), p));
    }

    /** Parses bytes that are not a file on disk (vDSO image, .gnu_debugdata); {@code name} is for messages. */
    public static ElfFile of(ByteSlice data, String name) {
        return new ElfFile(data, name, null);
    }

    public String name() { return name; }

    /**
     * A structure parsed from this file's bytes (e.g. its DWARF unit headers and abbreviations),
     * made once per {@code key} and shared by every user of this object: all of one Program's
     * readers, and later Programs too for a file on disk (see {@link #open}). The value must be
     * immutable or thread-safe and must depend only on this file and on {@code key}; the
     * factory must not call {@code derived} on this same file.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, java.util.function.Supplier<T> factory) {
        return (T) derived.computeIfAbsent(key, k -> factory.get());
    }

    /** The file on disk, if this was opened from one. */
    public Optional<Path> path() { return Optional.ofNullable(path); }

    public ByteSlice data() { return data; }

    public ElfHeader header() { return header; }

    public int type() { return header.type(); }

    public int machine() { return header.machine(); }

    public List<ProgramHeader> programHeaders() { return segments; }

    public List<SectionHeader> sections() { return sections; }

    /** The first section named {@code sectionName}. */
    public Optional<SectionHeader> section(String sectionName) {
        for (SectionHeader s : sections) if (s.name().equals(sectionName)) return Optional.of(s);
        return Optional.empty();
    }

    /** A segment's file bytes [p_offset, p_offset + p_filesz). */
    public ByteSlice segmentData(ProgramHeader ph) {
        checkRange("segment at vaddr 0x" + Long.toHexString(ph.vaddr()), ph.offset(), ph.filesz());
        return data.slice(ph.offset(), ph.filesz(), name + " [segment 0x" + Long.toHexString(ph.vaddr()) + "]");
    }

    /** A section's contents, decompressed if SHF_COMPRESSED; empty for SHT_NOBITS. */
    public ByteSlice sectionData(SectionHeader sh) {
        return sectionData.computeIfAbsent(sh.index(), i -> readSectionData(sh));
    }

    public Optional<ByteSlice> sectionData(String sectionName) {
        return section(sectionName).filter(SectionHeader::hasData).map(this::sectionData);
    }

    /** The notes of SHT_NOTE sections, or of PT_NOTE segments when there are no sections (cores). */
    public List<ElfNote> notes() { return notes.get(); }

    /** .symtab symbols (index 0 excluded), empty if there is none. */
    public List<ElfSymbol> symbols() { return symtab.get(); }

    /** .dynsym symbols (index 0 excluded), empty if there is none. */
    public List<ElfSymbol> dynamicSymbols() { return dynsym.get(); }

    public Optional<BuildId> buildId() { return buildId.get(); }

    public Optional<DebugLink> debugLink() {
        return sectionData(".gnu_debuglink").map(d -> {
            int n = d.cstrlen(0);
            long crcOff = ((long) n + 1 + 3) & ~3L;
            return new DebugLink(d.cstring(0), d.u32(crcOff));
        });
    }

    public Optional<DebugAltLink> debugAltLink() {
        return sectionData(".gnu_debugaltlink").map(d -> {
            int n = d.cstrlen(0);
            return new DebugAltLink(d.cstring(0), BuildId.of(d.bytes(n + 1, (int) (d.size() - n - 1))));
        });
    }

    /** The MiniDebugInfo ELF file embedded xz-compressed in .gnu_debugdata. */
    public Optional<ElfFile> gnuDebugData() { return gnuDebugData.get(); }

    /** True if .debug_info has contents here (not stripped to NOBITS). */
    public boolean hasDebugInfo() {
        return section(".debug_info").map(s -> s.hasData() && s.size() > 0).orElse(false);
    }

    /** CRC-32 of the whole file, as .gnu_debuglink records it. */
    public long crc32() {
        CRC32 crc = new CRC32();
        crc.update(data.segment().asByteBuffer());
        return crc.getValue();
    }

    @Override public String toString() { return "ElfFile[" + name + "]"; }

    private List<ProgramHeader> readProgramHeaders() {
        List<ProgramHeader> out = new ArrayList<>(header.phnum());
        for (int i = 0; i < header.phnum(); i++) {
            long o = header.phoff() + (long) i * header.phentsize();
            out.add(new ProgramHeader((int) data.u32(o), (int) data.u32(o + 4), data.u64(o + 8),
                    data.u64(o + 16), data.u64(o + 24), data.u64(o + 32), data.u64(o + 40), data.u64(o + 48)));
        }
        return List.copyOf(out);
    }

    private List<SectionHeader> readSectionHeaders() {
        if (header.shoff() == 0 || header.shnum() == 0) return List.of();
        int n = header.shnum();
        long[][] raw = new long[n][];
        for (int i = 0; i < n; i++) {
            long o = header.shoff() + (long) i * header.shentsize();
            raw[i] = new long[] {data.u32(o), data.u32(o + 4), data.u64(o + 8), data.u64(o + 16),
                    data.u64(o + 24), data.u64(o + 32), data.u32(o + 40), data.u32(o + 44),
                    data.u64(o + 48), data.u64(o + 56)};
        }
        ByteSlice names = null;
        int shstrndx = header.shstrndx();
        if (shstrndx > 0 && shstrndx < n) {
            long[] s = raw[shstrndx];
            checkRange("section name table", s[4], s[5]);
            names = data.slice(s[4], s[5], name + " [.shstrtab]");
        }
        List<SectionHeader> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long[] r = raw[i];
            String sname = names != null && r[0] < names.size() ? names.cstring(r[0]) : "";
            out.add(new SectionHeader(i, sname, (int) r[1], r[2], r[3], r[4], r[5], (int) r[6],
                    (int) r[7], r[8], r[9]));
        }
        return List.copyOf(out);
    }

    private ByteSlice readSectionData(SectionHeader sh) {
        if (!sh.hasData()) return ByteSlice.of(new byte[0], name + " [" + sh.name() + "]");
        checkRange("section " + sh.name(), sh.offset(), sh.size());
        ByteSlice raw = data.slice(sh.offset(), sh.size(), name + " [" + sh.name() + "]");
        return sh.isCompressed() ? SectionDecompressor.decompress(raw) : raw;
    }

    private void checkRange(String what, long off, long len) {
        long end = off + len;
        if (off < 0 || len < 0 || end < off || end > data.size()) {
            throw new ElfFormatException(name, "truncated: " + what + " ends at 0x"
                    + Long.toHexString(end) + " beyond file size 0x" + Long.toHexString(data.size()));
        }
    }

    private List<ElfNote> readNotes() {
        List<ElfNote> out = new ArrayList<>();
        for (SectionHeader s : sections) {
            if (s.type() == ElfConstants.SHT_NOTE) out.addAll(ElfNote.parseAll(sectionData(s), s.addralign()));
        }
        if (!out.isEmpty() || sections.stream().anyMatch(s -> s.type() == ElfConstants.SHT_NOTE)) {
            return List.copyOf(out);
        }
        for (ProgramHeader p : segments) {
            if (p.type() == ElfConstants.PT_NOTE) out.addAll(ElfNote.parseAll(segmentData(p), p.align()));
        }
        return List.copyOf(out);
    }

    private List<ElfSymbol> readSymbols(int shType) {
        for (SectionHeader s : sections) {
            if (s.type() != shType || !s.hasData()) continue;
            if (s.link() <= 0 || s.link() >= sections.size()) {
                throw new FormatException(name + " [" + s.name() + "]", 0, "bad string table index " + s.link());
            }
            ByteSlice syms = sectionData(s);
            ByteSlice strs = sectionData(sections.get(s.link()));
            long count = syms.size() / 24;
            List<ElfSymbol> out = new ArrayList<>((int) Math.min(count, 1 << 20));
            for (long i = 1; i < count; i++) {
                long o = i * 24;
                long nameOff = syms.u32(o);
                String sym = nameOff < strs.size() ? strs.cstring(nameOff) : "";
                out.add(new ElfSymbol(sym, syms.u64(o + 8), syms.u64(o + 16), syms.u8(o + 4),
                        syms.u8(o + 5), syms.u16(o + 6)));
            }
            return List.copyOf(out);
        }
        return List.of();
    }

    private Optional<BuildId> readBuildId() {
        for (ElfNote n : notes()) {
            if (n.type() == ElfConstants.NT_GNU_BUILD_ID && n.name().equals("GNU") && n.desc().size() > 0) {
                return Optional.of(BuildId.of(n.desc().bytes(0, (int) n.desc().size())));
            }
        }
        return Optional.empty();
    }

    private Optional<ElfFile> readGnuDebugData() {
        return sectionData(".gnu_debugdata")
                .map(d -> ElfFile.of(SectionDecompressor.unxz(d), name + " [.gnu_debugdata]"));
    }
}
