package org.jdrgn.linux;

import java.util.OptionalLong;
import org.jdrgn.core.KernelDumpFile;
import org.jdrgn.core.Memory;
import org.jdrgn.error.FaultException;
import org.jdrgn.error.ValueErrorException;

/**
 * Virtual and physical memory of a Linux x86-64 kernel dump in any format. Virtual reads use
 * the dump's own virtual mappings where it has them and otherwise walk the kernel page tables
 * from swapper_pg_dir, whose physical address comes from VMCOREINFO alone (its symbol minus
 * __START_KERNEL_map plus phys_base), so no translation is needed to start translating.
 * Walks are cached per page.
 */
public final class KernelMemory implements Memory {
    /** page_offset_base's default when it cannot be read (no KASLR of the direct map). */
    public static final long DEFAULT_PAGE_OFFSET = 0xffff888000000000L;
    public static final long DEFAULT_PAGE_OFFSET_L5 = 0xff11000000000000L;

    private final Memory dump;
    private final boolean dumpHasVirtual;
    private final VmcoreInfo info;
    private final VmlinuxSymbols vmlinux;
    private final long kaslr;
    private final X86_64PageTable pageTable;
    private final TranslationCache cache = new TranslationCache();
    private volatile OptionalLong pageOffsetBase = OptionalLong.empty();

    private KernelMemory(Memory dump, boolean dumpHasVirtual, VmcoreInfo info, VmlinuxSymbols vmlinux, String name) {
        this.dump = dump;
        this.dumpHasVirtual = dumpHasVirtual;
        this.info = info;
        this.vmlinux = vmlinux;
        this.kaslr = Kaslr.offset(info, vmlinux);
        long root = info.swapperPgDir() - VmcoreInfo.START_KERNEL_MAP + info.physBase();
        int physBits = (int) info.number("MAX_PHYSMEM_BITS").orElse(52);
        this.pageTable = new X86_64PageTable(dump, root, info.pgtableL5Enabled(), physBits, name);
    }

    /** Kernel memory of a dump file; its VMCOREINFO is required. */
    public static KernelMemory open(KernelDumpFile file, VmlinuxSymbols vmlinux) {
        String text = file.vmcoreinfo().orElseThrow(() -> new ValueErrorException(file.name()
                + ": no VMCOREINFO in the dump (for QEMU dumps: -device vmcoreinfo and the qemu_fw_cfg module)"));
        return of(file.memory(), file.hasVirtualAddresses(), VmcoreInfo.parse(text), vmlinux, file.name());
    }

    /** Kernel memory over any physical memory source (mock tables in tests, other dump readers). */
    public static KernelMemory of(Memory dump, boolean dumpHasVirtual, VmcoreInfo info, VmlinuxSymbols vmlinux,
                                  String name) {
        return new KernelMemory(dump, dumpHasVirtual, info, vmlinux, name);
    }

    public VmcoreInfo vmcoreinfo() { return info; }

    /** The KASLR slide to add to vmlinux addresses. */
    public long kaslrOffset() { return kaslr; }

    public long physBase() { return info.physBase(); }

    public X86_64PageTable pageTable() { return pageTable; }

    /** The page-table mapping of vaddr (cached). */
    public Translation translation(long vaddr) {
        Translation t = cache.get(vaddr);
        if (t == null) {
            t = pageTable.walk(vaddr);
            cache.put(vaddr, t);
        }
        return t;
    }

    /** The physical address of vaddr, by the page tables. */
    public long translate(long vaddr) { return translation(vaddr).physical(vaddr); }

    /**
     * The base of the direct map of all physical memory: page_offset_base read from memory
     * (KASLR randomizes it) when vmlinux's symbols are known, else the default.
     */
    public long pageOffsetBase() {
        OptionalLong v = pageOffsetBase;
        if (v.isEmpty()) {
            long base = info.pgtableL5Enabled() ? DEFAULT_PAGE_OFFSET_L5 : DEFAULT_PAGE_OFFSET;
            OptionalLong sym = vmlinux.address("page_offset_base");
            if (sym.isPresent()) {
                try {
                    base = readU64(sym.getAsLong() + kaslr);
                } catch (FaultException e) {
                    // keep the default: the variable's page is not in the dump
                }
            }
            v = OptionalLong.of(base);
            pageOffsetBase = v;
        }
        return v.getAsLong();
    }

    /** The direct-map address of a physical address. */
    public long directMapAddress(long paddr) { return pageOffsetBase() + paddr; }

    @Override
    public void read(long address, byte[] dst, int off, int len, boolean physical) {
        if (physical) {
            dump.read(address, dst, off, len, true);
            return;
        }
        long addr = address;
        int pos = off, left = len;
        while (left > 0) {
            int n = (int) Math.min(left, 4096 - (addr & 4095));
            if (!dumpHasVirtual || !readDumpVirtual(addr, dst, pos, n)) {
                Translation t = translation(addr);
                n = (int) Math.min(left, t.remaining(addr));
                long paddr = t.physical(addr);
                try {
                    dump.read(paddr, dst, pos, n, true);
                } catch (FaultException e) {
                    throw new FaultException(e.bareMessage(), addr + (e.address() - paddr));
                }
            }
            addr += n;
            pos += n;
            left -= n;
        }
    }

    /** Reads through the dump's own virtual mappings; false where they do not have the bytes. */
    private boolean readDumpVirtual(long addr, byte[] dst, int pos, int n) {
        try {
            dump.read(addr, dst, pos, n, false);
            return true;
        } catch (FaultException e) {
            return false;
        }
    }

    public long readU64(long vaddr) {
        byte[] b = read(vaddr, 8, false);
        long v = 0;
        for (int i = 7; i >= 0; i--) v = v << 8 | (b[i] & 0xff);
        return v;
    }
}
