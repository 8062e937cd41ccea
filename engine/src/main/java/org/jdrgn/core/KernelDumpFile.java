package org.jdrgn.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.elf.ElfNote;

/**
 * A Linux kernel crash dump file in any supported format: its physical memory (and virtual
 * memory where the format records it) through {@link #memory()}, its notes (NT_PRSTATUS per
 * CPU, VMCOREINFO) and the VMCOREINFO text. Page-table translation is above this, in
 * org.jdrgn.linux.KernelMemory.
 */
public sealed interface KernelDumpFile permits ElfVmcore, DiskDump {
    String name();

    KernelDumpFormat format();

    /** Physical reads always; virtual reads only where {@link #hasVirtualAddresses()}. */
    Memory memory();

    /** True if the dump maps kernel virtual addresses itself (kdump ELF, QEMU paging=true). */
    boolean hasVirtualAddresses();

    /** ELF notes: NT_PRSTATUS per CPU, VMCOREINFO, QEMU's own. */
    List<ElfNote> notes();

    /** The VMCOREINFO text ("KEY=value" lines), from the diskdump header or the ELF note. */
    Optional<String> vmcoreinfo();

    /**
     * Maps a dump file and opens it in the format its first bytes say. A file in /proc
     * (/proc/kcore), or an ELF file that cannot be mapped, is read with positional reads
     * instead ({@link #openPositional}).
     */
    static KernelDumpFile open(Path path) throws IOException {
        if (PositionalFile.inProcfs(path)) return openPositional(path);
        ByteSlice data;
        try {
            data = ByteSlice.map(path);
        } catch (java.nio.file.NoSuchFileException | java.nio.file.AccessDeniedException e) {
            throw e;
        } catch (IOException e) { // ENODEV, or a size mmap refuses: read it without mapping if it is ELF
            try {
                return openPositional(path);
            } catch (IOException | FormatException again) {
                e.addSuppressed(again);
                throw e;
            }
        }
        return switch (KernelDumpFormat.detect(data)) {
            case ELF -> ElfVmcore.of(ElfFile.of(data, path.toString()));
            case DISKDUMP -> DiskDump.of(new MappedImage(data), KernelDumpFormat.DISKDUMP);
            case FLATTENED -> {
                FlattenedImage image = FlattenedImage.index(data);
                byte[] head = image.slice(0, Math.min(8, image.size())).bytes(0, (int) Math.min(8, image.size()));
                if (!new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).equals(DiskDumpHeader.SIGNATURE)) {
                    throw new FormatException(path.toString(), FlattenedImage.HEADER_SIZE,
                            "the flattened stream holds no diskdump (\"KDUMP   \"); flattened ELF dumps are not supported");
                }
                yield DiskDump.of(image, KernelDumpFormat.FLATTENED);
            }
        };
    }

    /**
     * Opens an ELF core with positional reads into heap buffers, never mapping it and not
     * trusting its st_size: headers and notes are read when opened, memory on each read.
     * @throws FormatException if the file is not an ELF file (other formats need mapping)
     */
    static ElfVmcore openPositional(Path path) throws IOException {
        PositionalFile file = PositionalFile.open(path, false);
        return ElfVmcore.of(ElfHead.read(file), file);
    }

    /** The text of the note named VMCOREINFO, if any (trailing NULs dropped). */
    static Optional<String> vmcoreinfoNote(List<ElfNote> notes) {
        for (ElfNote n : notes) {
            if (n.name().equals("VMCOREINFO")) {
                byte[] b = n.desc().bytes(0, (int) n.desc().size());
                int len = b.length;
                while (len > 0 && b[len - 1] == 0) len--;
                return Optional.of(new String(b, 0, len, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
