package org.jdrgn.linux;

import org.jdrgn.error.ValueErrorException;

/**
 * Reads virtual memory through a page table other than the kernel's own (a task's
 * {@code mm->pgd}): drgn's {@code access_remote_vm} primitive. The top table is given by its
 * kernel virtual address (where the kernel keeps it, normally in the direct map); the lower
 * tables and the data are read physically. A page that is not mapped (swapped out, never
 * faulted in) is a FaultException at the virtual address; a mapped page left out of the dump
 * (makedumpfile -d 31 drops user pages) one at its physical address, as drgn 0.0.22 reports it.
 */
public final class PageTableReader {
    private final KernelMemory kernel;
    private final X86_64PageTable table;

    /** @param pgtable kernel virtual address of the top-level table (a {@code pgd_t *}) */
    public PageTableReader(KernelMemory kernel, long pgtable) {
        this.kernel = kernel;
        int physBits = (int) kernel.vmcoreinfo().number("MAX_PHYSMEM_BITS").orElse(52);
        this.table = new X86_64PageTable(kernel, kernel.translate(pgtable), kernel.pageTable().levels() == 5,
                physBits, "page table at 0x" + Long.toHexString(pgtable));
    }

    /** size bytes at address of this address space. */
    public byte[] read(long address, long size) {
        if (size < 0 || size > Integer.MAX_VALUE - 8) throw new ValueErrorException("invalid read size " + size);
        byte[] out = new byte[(int) size];
        long addr = address;
        int pos = 0;
        while (pos < out.length) { // each pass consumes at least one byte: bounded by size
            Translation t = table.walk(addr);
            int n = (int) Math.min(out.length - pos, t.remaining(addr));
            // a data page missing from the dump faults at its physical address, as in drgn
            kernel.read(t.physical(addr), out, pos, n, true);
            addr += n;
            pos += n;
        }
        return out;
    }
}
