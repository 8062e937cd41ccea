package org.jdrgn.unwind.tables;

import java.util.Optional;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.elf.ElfConstants;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.Lazy;
import org.jdrgn.elf.SectionHeader;

/**
 * The ORC unwind table of a Linux kernel image, read in place: .orc_unwind_ip holds one s32
 * per entry, the entry's first pc relative to that s32's own address, sorted by pc (the
 * kernel sorts vmlinux's table at build time); .orc_unwind holds the {@link OrcEntry}s in the
 * same order. An entry applies from its pc to the next entry's. Addresses are link-time.
 * vmlinux's order is checked once, on the first lookup, so a corrupt table fails every lookup
 * with the same FormatException instead of giving wrong entries. A kernel module's table is
 * in link order (the kernel sorts it when loading the module): it is sorted here, once, into
 * an index array — the one copy this reader makes.
 */
public final class OrcTable {
    private final ByteSlice ips;
    private final ByteSlice entries;
    private final long ipBase;
    private final int count;
    /** Entry numbers in pc order; null where the file's order is checked instead. */
    private final Lazy<int[]> order;

    public OrcTable(ByteSlice ips, long ipBase, ByteSlice entries) { this(ips, ipBase, entries, false); }

    /** @param sort the table is in link order (a relocatable kernel module), not sorted by pc */
    OrcTable(ByteSlice ips, long ipBase, ByteSlice entries, boolean sort) {
        if (ips.size() % 4 != 0 || entries.size() % OrcEntry.SIZE != 0 || ips.size() / 4 != entries.size() / OrcEntry.SIZE) {
            throw new FormatException(entries.what(), 0, String.format(
                    "%s has %d bytes and %s %d: not the same number of 4- and 6-byte entries",
                    ips.what(), ips.size(), entries.what(), entries.size()));
        }
        if (ips.size() / 4 > Integer.MAX_VALUE) throw new FormatException(ips.what(), 0, "too many ORC entries");
        this.ips = ips;
        this.entries = entries;
        this.ipBase = ipBase;
        this.count = (int) (ips.size() / 4);
        this.order = new Lazy<>(sort ? this::sortedIndex : this::checkOrder);
    }

    /**
     * The file's table, or empty if it has no .orc_unwind_ip / .orc_unwind. FormatException if
     * the sections disagree in size, or for Linux 6.4's .orc_header (another entry layout).
     */
    public static Optional<OrcTable> of(ElfFile file) {
        Optional<SectionHeader> ip = file.section(".orc_unwind_ip").filter(SectionHeader::hasData);
        Optional<SectionHeader> un = file.section(".orc_unwind").filter(SectionHeader::hasData);
        if (ip.isEmpty() || un.isEmpty()) return Optional.empty();
        if (file.section(".orc_header").isPresent()) {
            throw new FormatException(file.name() + ":.orc_header", 0,
                    "ORC of Linux 6.4 or later (entries with type:3 and signal bits) is not supported");
        }
        return Optional.of(new OrcTable(file.sectionData(ip.get()).named(file.name() + ":.orc_unwind_ip"), ip.get().addr(),
                file.sectionData(un.get()).named(file.name() + ":.orc_unwind"), file.type() == ElfConstants.ET_REL));
    }

    public int size() { return count; }

    /** The first link-time pc of entry {@code i}. */
    public long ip(int i) { return ipBase + 4L * i + ips.s32(4L * i); }

    public OrcEntry entry(int i) { return OrcEntry.decode(entries, (long) i * OrcEntry.SIZE); }

    /** The entry in force at a link-time pc: the last whose ip is not above it. */
    public Optional<OrcEntry> find(long pc) {
        int[] sorted = order.get();
        int lo = 0, hi = count - 1, found = -1;
        while (lo <= hi) {                        // at most 32 rounds
            int mid = (lo + hi) >>> 1;
            int i = sorted.length == 0 ? mid : sorted[mid];
            if (Long.compareUnsigned(ip(i), pc) <= 0) { found = i; lo = mid + 1; } else hi = mid - 1;
        }
        return found < 0 ? Optional.empty() : Optional.of(entry(found));
    }

    private int[] sortedIndex() {
        return java.util.stream.IntStream.range(0, count).boxed()
                .sorted((a, b) -> Long.compareUnsigned(ip(a), ip(b))).mapToInt(Integer::intValue).toArray();
    }

    /** An empty array (entry numbers are pc order), or FormatException at the first entry out of order. */
    private int[] checkOrder() {
        long prev = 0;
        for (int i = 0; i < count; i++) {
            long ip = ip(i);
            if (i > 0 && Long.compareUnsigned(ip, prev) < 0) {
                throw new FormatException(ips.what(), 4L * i, String.format(
                        "ORC entry %d has pc 0x%x, below entry %d's 0x%x: the table is not sorted", i, ip, i - 1, prev));
            }
            prev = ip;
        }
        return new int[0];
    }
}
