package org.jdrgn.program.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jdrgn.core.DiskDump;
import org.jdrgn.core.ElfVmcore;
import org.jdrgn.core.KernelDumpFile;
import org.jdrgn.core.KernelDumpFormat;
import org.jdrgn.core.PageDescriptor;
import org.jdrgn.elf.ElfConstants;
import org.jdrgn.elf.ProgramHeader;

/**
 * Whether a dump file is shorter than its own headers say (a copy cut short, a full disk).
 * Such a dump still opens: what it holds is readable, and reads past the cut fail.
 */
final class KernelDumpCheck {
    /** Bounds the scan of a diskdump's page descriptors (2^28 pages = 1 TiB of 4 KiB pages). */
    private static final long MAX_SCAN = 1L << 28;

    private KernelDumpCheck() {}

    /** A one-line warning if the file is truncated. */
    static Optional<String> truncation(KernelDumpFile file, Path path) {
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            return Optional.empty();
        }
        long expected = switch (file) {
            case ElfVmcore elf -> elfEnd(elf);
            case DiskDump dd -> dd.format() == KernelDumpFormat.DISKDUMP ? diskDumpEnd(dd) : 0;
        };
        if (expected <= size) return Optional.empty();
        return Optional.of(path + " is truncated: " + size + " of " + expected
                + " bytes; memory past the cut cannot be read (copy the dump again if you can)");
    }

    private static long elfEnd(ElfVmcore elf) {
        long end = 0;
        for (ProgramHeader p : elf.elf().programHeaders()) {
            if (p.type() == ElfConstants.PT_LOAD) end = Math.max(end, p.offset() + Math.min(p.filesz(), p.memsz()));
        }
        return end;
    }

    /** The end of the dumped page data furthest into the file (bounded scan of the bitmap). */
    private static long diskDumpEnd(DiskDump dd) {
        long end = 0, max = Math.min(dd.maxMapnr(), MAX_SCAN);
        for (long pfn = 0; pfn < max; pfn++) {
            if (!dd.isDumped(pfn)) continue;
            PageDescriptor d = dd.descriptor(pfn);
            end = Math.max(end, d.offset() + d.size());
        }
        return end;
    }
}
