package org.jdrgn.core;

import java.util.List;
import java.util.Optional;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.elf.ElfNote;
import org.jdrgn.error.FaultException;

/**
 * A kdump-compressed dump (makedumpfile -c/-l/-p/-z, or QEMU's via the flattened format):
 * header, sub-header, two bitmaps (pages that exist; pages that were dumped) and one
 * descriptor per dumped page, found by counting the dumped pages before it. Physical memory
 * only. Pages are decompressed on demand, one at a time, into a small LRU cache.
 */
public final class DiskDump implements KernelDumpFile {
    private static final int CACHE_PAGES = 256;
    private static final long STATUS_INCOMPLETE = 0x8;

    private final DumpImage image;
    private final KernelDumpFormat format;
    private final DiskDumpHeader header;
    private final KdumpSubHeader sub;
    private final DumpBitmap present, dumped;
    private final int pageSize;
    private final PageCache cache = new PageCache(CACHE_PAGES);
    private final List<ElfNote> notes;
    private final Optional<String> vmcoreinfo;
    private final Memory memory = this::read;

    private DiskDump(DumpImage image, KernelDumpFormat format) {
        this.image = image;
        this.format = format;
        this.header = DiskDumpHeader.parse(image);
        this.sub = KdumpSubHeader.parse(image, header);
        this.pageSize = header.blockSize();
        long half = header.bitmapBytes() / 2;
        if (half * 8 < sub.maxMapnr()) {
            throw new FormatException(image.name(), 436, "bitmaps (0x" + Long.toHexString(header.bitmapBytes())
                    + " bytes) too small for max_mapnr 0x" + Long.toHexString(sub.maxMapnr()));
        }
        image.require(header.bitmapOffset(), header.bitmapBytes(), "diskdump bitmaps at block "
                + (1 + header.subHeaderBlocks()));
        this.present = new DumpBitmap(image.slice(header.bitmapOffset(), half), sub.maxMapnr());
        this.dumped = new DumpBitmap(image.slice(header.bitmapOffset() + half, half), sub.maxMapnr());
        this.notes = sub.noteSize() == 0 ? List.of()
                : ElfNote.parseAll(image.slice(sub.noteOffset(), sub.noteSize()).named(image.name() + " [notes]"), 4);
        this.vmcoreinfo = sub.vmcoreinfoSize() != 0
                ? Optional.of(text(image.slice(sub.vmcoreinfoOffset(), sub.vmcoreinfoSize())))
                : KernelDumpFile.vmcoreinfoNote(notes);
    }

    /** Reads the headers of a diskdump; pages are read later, on demand. */
    public static DiskDump of(DumpImage image, KernelDumpFormat format) {
        return new DiskDump(image, format);
    }

    public DiskDumpHeader header() { return header; }

    public KdumpSubHeader subHeader() { return sub; }

    public int pageSize() { return pageSize; }

    /** Number of page frames the bitmaps cover. */
    public long maxMapnr() { return sub.maxMapnr(); }

    /** True if the page frame was dumped (its bytes can be read). */
    public boolean isDumped(long pfn) { return present.get(pfn) && dumped.get(pfn); }

    /** True if the page frame is memory at all (in the first bitmap). */
    public boolean isPresent(long pfn) { return present.get(pfn); }

    @Override public String name() { return image.name(); }

    @Override public KernelDumpFormat format() { return format; }

    @Override public Memory memory() { return memory; }

    @Override public boolean hasVirtualAddresses() { return false; }

    @Override public List<ElfNote> notes() { return notes; }

    @Override public Optional<String> vmcoreinfo() { return vmcoreinfo; }

    /** The descriptor of a dumped page frame. */
    public PageDescriptor descriptor(long pfn) {
        long off = descriptorOffset(pfn);
        image.require(off, PageDescriptor.SIZE, "page descriptor of pfn 0x" + Long.toHexString(pfn));
        ByteSlice d = image.slice(off, PageDescriptor.SIZE);
        return new PageDescriptor(d.u64(0), d.s32(8), d.s32(12), d.u64(16));
    }

    /** Where pfn's descriptor is: one per dumped page, in page frame order. */
    private long descriptorOffset(long pfn) {
        return header.descriptorOffset() + dumped.rank(pfn) * PageDescriptor.SIZE;
    }

    private void read(long address, byte[] dst, int off, int len, boolean physical) {
        if (!physical) throw FaultException.unmapped(address);
        long addr = address;
        int pos = off, left = len;
        while (left > 0) {
            long pfn = Long.divideUnsigned(addr, pageSize);
            int inPage = (int) Long.remainderUnsigned(addr, pageSize);
            int n = Math.min(left, pageSize - inPage);
            if (Long.compareUnsigned(pfn, sub.maxMapnr()) >= 0 || !present.get(pfn)) throw FaultException.unmapped(addr);
            if (!dumped.get(pfn)) throw new FaultException("memory not saved in core dump", addr);
            copyPage(pfn, addr, inPage, dst, pos, n);
            addr += n;
            pos += n;
            left -= n;
        }
    }

    private void copyPage(long pfn, long addr, int inPage, byte[] dst, int pos, int n) {
        byte[] cached = cache.get(pfn);
        if (cached != null) {
            System.arraycopy(cached, inPage, dst, pos, n);
            return;
        }
        long descOff = descriptorOffset(pfn);
        PageDescriptor pd = descriptor(pfn);
        if (pd.offset() == 0 && pd.size() == 0 && (header.status() & STATUS_INCOMPLETE) != 0) {
            throw new FaultException("memory not saved in core dump", addr); // dump was cut short
        }
        PageCodec codec = PageCodec.ofFlags(pd.flags());
        if (codec == null || pd.size() <= 0 || pd.size() > pageSize || (codec == PageCodec.RAW && pd.size() != pageSize)) {
            throw new FormatException(image.name(), descOff, "bad page descriptor of pfn 0x" + Long.toHexString(pfn)
                    + ": size " + pd.size() + ", flags 0x" + Integer.toHexString(pd.flags()));
        }
        image.require(pd.offset(), pd.size(), "data of pfn 0x" + Long.toHexString(pfn));
        if (codec == PageCodec.RAW) {
            image.copy(pd.offset() + inPage, dst, pos, n);
            return;
        }
        byte[] src = new byte[pd.size()];
        image.copy(pd.offset(), src, 0, src.length);
        byte[] page = new byte[pageSize];
        int got;
        try {
            got = codec.decompress(src, src.length, page);
        } catch (IllegalArgumentException e) {
            throw new FormatException(image.name(), pd.offset(), codec + " data of pfn 0x" + Long.toHexString(pfn)
                    + " is corrupt: " + e.getMessage());
        }
        if (got != pageSize) {
            throw new FormatException(image.name(), pd.offset(), codec + " data of pfn 0x" + Long.toHexString(pfn)
                    + " decompresses to " + got + " bytes, not a page of " + pageSize);
        }
        cache.put(pfn, page);
        System.arraycopy(page, inPage, dst, pos, n);
    }

    private static String text(ByteSlice s) {
        byte[] b = s.bytes(0, (int) s.size());
        int len = b.length;
        while (len > 0 && b[len - 1] == 0) len--;
        return new String(b, 0, len, java.nio.charset.StandardCharsets.UTF_8);
    }
}
