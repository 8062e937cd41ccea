package org.jdrgn.linux;

import org.jdrgn.core.Memory;
import org.jdrgn.error.FaultException;

/**
 * Walks x86-64 4-level (PGD, PUD, PMD, PTE) or 5-level (plus P4D) page tables held in
 * physical memory, from the root table's physical address. Large pages end the walk at the
 * PUD (1 GiB) or PMD (2 MiB). Faults carry the virtual address: "address is not mapped" for
 * a not-present entry; for a garbage entry (reserved large-page bit at the top levels, or a
 * frame beyond MAX_PHYSMEM_BITS) or a table missing from the dump, the message names the
 * dump and the physical address of the entry.
 */
public final class X86_64PageTable {
    private static final long PRESENT = 1, PAGE_SIZE_BIT = 0x80;
    private static final long FRAME_MASK = 0x000f_ffff_ffff_f000L;
    private static final String[] NAMES5 = {"PML5", "PGD", "PUD", "PMD", "PTE"};
    private static final String[] NAMES4 = {"PGD", "PUD", "PMD", "PTE"};

    private final Memory physical;
    private final long root;
    private final int levels;
    private final int maxPhysBits;
    private final String source;

    /**
     * @param physical  memory whose physical space holds the tables
     * @param root      physical address of the top table (swapper_pg_dir's)
     * @param maxPhysBits MAX_PHYSMEM_BITS: frames at or past 2^bits are garbage
     * @param source    the dump's name, for messages
     */
    public X86_64PageTable(Memory physical, long root, boolean fiveLevel, int maxPhysBits, String source) {
        this.physical = physical;
        this.root = root & FRAME_MASK;
        this.levels = fiveLevel ? 5 : 4;
        this.maxPhysBits = Math.max(12, Math.min(52, maxPhysBits));
        this.source = source;
    }

    public long root() { return root; }

    public int levels() { return levels; }

    /** The mapping containing vaddr. */
    public Translation walk(long vaddr) {
        int vaBits = levels == 5 ? 57 : 48;
        long top = vaddr >> (vaBits - 1); // all ones or all zeros when canonical
        if (top != 0 && top != -1) throw new FaultException("non-canonical address is not mapped", vaddr);
        String[] names = levels == 5 ? NAMES5 : NAMES4;
        long table = root;
        for (int level = 0; level < levels; level++) {
            int shift = 12 + 9 * (levels - 1 - level);
            long entryAddr = table + ((vaddr >>> shift) & 511) * 8;
            long entry = readEntry(entryAddr, names[level], vaddr);
            if ((entry & PRESENT) == 0) throw new FaultException("address is not mapped", vaddr);
            long frame = entry & FRAME_MASK;
            if (frame >>> maxPhysBits != 0) {
                throw garbage(entry, entryAddr, names[level], vaddr, "frame beyond MAX_PHYSMEM_BITS " + maxPhysBits);
            }
            boolean large = shift < 39 && shift > 12 && (entry & PAGE_SIZE_BIT) != 0;
            if (shift >= 39 && (entry & PAGE_SIZE_BIT) != 0) {
                throw garbage(entry, entryAddr, names[level], vaddr, "reserved page-size bit set");
            }
            if (large || shift == 12) {
                long size = 1L << shift;
                return new Translation(vaddr & -size, frame & -size, size);
            }
            table = frame;
        }
        throw new IllegalStateException("unreachable");
    }

    private long readEntry(long entryAddr, String level, long vaddr) {
        byte[] b = new byte[8];
        try {
            physical.read(entryAddr, b, 0, 8, true);
        } catch (FaultException e) {
            throw new FaultException(level + " entry at physical address 0x" + Long.toHexString(entryAddr)
                    + " is not in " + source + " (" + e.bareMessage() + "); page table may be missing from core dump",
                    vaddr);
        }
        long v = 0;
        for (int i = 7; i >= 0; i--) v = v << 8 | (b[i] & 0xff);
        return v;
    }

    private FaultException garbage(long entry, long entryAddr, String level, long vaddr, String why) {
        return new FaultException("invalid " + level + " entry 0x" + Long.toHexString(entry) + " at physical address 0x"
                + Long.toHexString(entryAddr) + " in " + source + ": " + why, vaddr);
    }
}
