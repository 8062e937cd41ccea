package org.jdrgn.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdrgn.elf.ElfConstants;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.ElfNote;
import org.jdrgn.elf.ProgramHeader;
import org.jdrgn.error.FaultException;

/**
 * An ELF kernel core: /proc/vmcore (PT_LOADs with virtual and physical addresses) or QEMU's
 * dump-guest-memory (paging=true: the same; paging=false: physical addresses only, p_vaddr
 * 0 or equal to p_paddr). Virtual addresses count only if some PT_LOAD has a kernel (upper
 * half) p_vaddr; otherwise virtual reads go through page tables above this layer. Bytes past
 * p_filesz (pages makedumpfile -E left out) are "memory not saved in core dump".
 */
public final class ElfVmcore implements KernelDumpFile {
    private final ElfFile elf;
    private final VmcoreBytes data;
    private final DumpSegments physical, virtual;
    private final Optional<String> vmcoreinfo;
    private final Memory memory = this::read;

    private ElfVmcore(ElfFile elf, VmcoreBytes data) {
        this.elf = elf;
        this.data = data;
        List<DumpSegments.Range> phys = new ArrayList<>(), virt = new ArrayList<>();
        boolean kernelVaddrs = false;
        for (ProgramHeader p : elf.programHeaders()) {
            if (p.type() != ElfConstants.PT_LOAD) continue;
            long filesz = Math.min(p.filesz(), p.memsz());
            // a PT_LOAD cut short by a truncated file reads as far as the file goes
            long inFile = Math.max(0, Math.min(filesz, data.size() - p.offset()));
            // /proc/kcore gives p_paddr -1 to memory with no physical address (vmalloc, modules)
            if (p.paddr() != -1) phys.add(new DumpSegments.Range(p.paddr(), p.memsz(), p.offset(), inFile));
            virt.add(new DumpSegments.Range(p.vaddr(), p.memsz(), p.offset(), inFile));
            if (p.vaddr() < 0) kernelVaddrs = true;
        }
        // older kernels' /proc/kcore gives every PT_LOAD p_paddr 0: no physical view then
        boolean noPaddrs = phys.size() > 1 && phys.stream().allMatch(r -> r.start() == 0);
        this.physical = DumpSegments.of(noPaddrs ? List.of() : phys);
        this.virtual = kernelVaddrs ? DumpSegments.of(unambiguous(virt)) : null;
        this.vmcoreinfo = KernelDumpFile.vmcoreinfoNote(elf.notes());
    }

    /**
     * Drops virtual ranges that overlap another one mapping to different physical memory.
     * QEMU's paging=true dumps walk every CPU's page tables, so the user mappings of two
     * processes land on the same addresses (with the top 16 bits forced to 1s: 0xffff0000...,
     * where no kernel maps anything); neither can be trusted for the kernel's view.
     */
    private static List<DumpSegments.Range> unambiguous(List<DumpSegments.Range> ranges) {
        List<DumpSegments.Range> sorted = new ArrayList<>(ranges);
        sorted.sort((a, b) -> Long.compareUnsigned(a.start(), b.start()));
        boolean[] bad = new boolean[sorted.size()];
        int reach = -1; // index of the range reaching furthest so far
        for (int i = 0; i < sorted.size(); i++) {
            DumpSegments.Range r = sorted.get(i);
            if (reach >= 0 && Long.compareUnsigned(r.start(), sorted.get(reach).end()) < 0) {
                DumpSegments.Range o = sorted.get(reach);
                if (r.start() - r.fileOffset() != o.start() - o.fileOffset()) bad[i] = bad[reach] = true;
            }
            if (reach < 0 || Long.compareUnsigned(r.end(), sorted.get(reach).end()) > 0) reach = i;
        }
        List<DumpSegments.Range> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) if (!bad[i]) out.add(sorted.get(i));
        return out;
    }

    public static ElfVmcore of(ElfFile elf) { return new ElfVmcore(elf, VmcoreBytes.of(elf.data())); }

    /** An ELF core whose headers and notes are {@code elf} and whose PT_LOAD bytes are read from {@code data}. */
    public static ElfVmcore of(ElfFile elf, VmcoreBytes data) { return new ElfVmcore(elf, data); }

    public ElfFile elf() { return elf; }

    @Override public String name() { return elf.name(); }

    @Override public KernelDumpFormat format() { return KernelDumpFormat.ELF; }

    @Override public Memory memory() { return memory; }

    @Override public boolean hasVirtualAddresses() { return virtual != null; }

    @Override public List<ElfNote> notes() { return elf.notes(); }

    @Override public Optional<String> vmcoreinfo() { return vmcoreinfo; }

    private void read(long address, byte[] dst, int off, int len, boolean phys) {
        DumpSegments segs = phys ? physical : virtual;
        if (segs == null) throw FaultException.unmapped(address);
        long addr = address;
        int pos = off, left = len;
        while (left > 0) {
            int i = segs.find(addr);
            if (i < 0) throw FaultException.unmapped(addr);
            long inSeg = addr - segs.start(i);
            if (Long.compareUnsigned(inSeg, segs.filesz(i)) >= 0) {
                throw new FaultException("memory not saved in core dump", addr);
            }
            int n = (int) Math.min(left, segs.filesz(i) - inSeg);
            int got;
            try {
                got = data.read(segs.fileOffset(i) + inSeg, dst, pos, n);
            } catch (IOException e) { // EIO from /proc/kcore: memory the kernel cannot read
                throw new FaultException("could not read memory", addr);
            }
            // only a file whose size is not trusted ends inside a PT_LOAD
            if (got < n) throw new FaultException("short read from memory file", addr + got);
            addr += n;
            pos += n;
            left -= n;
        }
    }
}
