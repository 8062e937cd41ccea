package org.jdrgn.core;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.error.FaultException;

/**
 * Virtual memory of a userspace core. Bytes in [p_vaddr, p_vaddr+p_filesz) come from the core.
 * The kernel writes a VMA either whole or, for a file mapping it chose not to dump (read-only
 * text and .rodata under the default coredump_filter), only its first page (the ELF header);
 * a VMA it omits can only be file-backed and unmodified (a private mapping with copied-on-write
 * pages is dumped whole), so its bytes are those of the file at the NT_FILE offset. Anonymous
 * memory is never partially dumped, so nothing is zero-filled: bytes past p_filesz without a
 * readable file are a fault, as in drgn ("memory not saved in core dump"). gdb's gcore omits
 * such mappings entirely (no PT_LOAD), so addresses outside every PT_LOAD are looked up in
 * NT_FILE too before "could not find memory segment". The tail of the page holding the end
 * of a mapped file reads as zeros, as mmap gives it.
 */
public final class CoreMemory implements Memory {
    private static final long PAGE = 4096;
    private final ByteSlice core;
    private final LoadSegment[] segments;
    private final long[] starts;
    private final List<FileMapping> files;
    private final MappedFileSource source;

    public CoreMemory(CoreDump dump, MappedFileSource source) {
        this.core = dump.elf().data();
        this.segments = dump.segments().toArray(LoadSegment[]::new);
        this.starts = Arrays.stream(segments).mapToLong(LoadSegment::vaddr).toArray();
        this.files = dump.fileMappings();
        this.source = source;
    }

    @Override
    public void read(long address, byte[] dst, int off, int len, boolean physical) {
        if (physical) throw FaultException.unmapped(address); // a process core has no physical memory
        long addr = address;
        int pos = off, left = len;
        while (left > 0) {
            LoadSegment seg = find(addr);
            if (seg == null) {
                // gdb's gcore writes no PT_LOAD at all for unmodified read-only file mappings.
                int n = (int) Math.min(left, bytesBeforeNextSegment(addr));
                n = readFromFile(addr, dst, pos, n, false);
                addr += n;
                pos += n;
                left -= n;
                continue;
            }
            long segOff = addr - seg.vaddr();
            int n = (int) Math.min(left, seg.memsz() - segOff);
            if (Long.compareUnsigned(segOff, seg.filesz()) < 0) {
                n = (int) Math.min(n, seg.filesz() - segOff);
                core.copy(seg.offset() + segOff, dst, pos, n);
            } else {
                n = readFromFile(addr, dst, pos, n, true);
            }
            addr += n;
            pos += n;
            left -= n;
        }
    }

    private static FaultException fault(long addr, boolean inSegment) {
        return inSegment ? new FaultException("memory not saved in core dump", addr) : FaultException.unmapped(addr);
    }

    /**
     * Reads up to n bytes at addr from the mapped file; returns how many it read (at least 1).
     * The fault is built only when thrown: this is the normal path for every string constant.
     */
    private int readFromFile(long addr, byte[] dst, int pos, int n, boolean inSegment) {
        FileMapping m = mappingAt(addr);
        if (m == null) throw fault(addr, inSegment);
        Optional<ByteSlice> file = source.open(m.path());
        if (file.isEmpty()) throw fault(addr, inSegment);
        ByteSlice f = file.get();
        n = (int) Math.min(n, m.end() - addr);
        long fileOff = m.fileOffset() + (addr - m.start());
        long inFile = Math.max(0, Math.min(n, f.size() - fileOff));
        if (inFile > 0) {
            f.copy(fileOff, dst, pos, (int) inFile);
            return (int) inFile;
        }
        long eofPageEnd = (f.size() + PAGE - 1) & -PAGE;
        if (fileOff >= eofPageEnd) throw fault(addr, inSegment);
        int zeros = (int) Math.min(n, eofPageEnd - fileOff);
        Arrays.fill(dst, pos, pos + zeros, (byte) 0);
        return zeros;
    }

    private LoadSegment find(long addr) {
        int lo = 0, hi = starts.length - 1, ans = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(starts[mid], addr) <= 0) { ans = mid; lo = mid + 1; } else hi = mid - 1;
        }
        return ans >= 0 && segments[ans].contains(addr) ? segments[ans] : null;
    }

    /** Distance from addr (in no segment) to the next segment's start, or to the top of memory. */
    private long bytesBeforeNextSegment(long addr) {
        for (long start : starts) if (Long.compareUnsigned(start, addr) > 0) return start - addr;
        return addr == 0 ? Long.MAX_VALUE : -addr;
    }

    private FileMapping mappingAt(long addr) {
        for (FileMapping m : files) if (m.contains(addr)) return m;
        return null;
    }
}
