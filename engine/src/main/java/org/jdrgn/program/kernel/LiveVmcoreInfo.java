package org.jdrgn.program.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.core.Memory;
import org.jdrgn.error.DrgnException;

/**
 * VMCOREINFO of a running kernel whose /proc/kcore has no VMCOREINFO note (before Linux
 * 4.19): /sys/kernel/vmcoreinfo gives the physical address and size of the kernel's own
 * note ("%lx %x"), which is read through kcore's physical (direct-map) segments.
 */
final class LiveVmcoreInfo {
    static final Path SYSFS = Path.of("sys/kernel/vmcoreinfo");
    /** The kernel's note is one page (VMCOREINFO_NOTE_SIZE); anything far larger is not it. */
    private static final long MAX_SIZE = 1 << 20;

    private LiveVmcoreInfo() {}

    /** The note's text, or empty if the sysfs file does not exist. */
    static Optional<String> read(Path sysfsFile, Memory memory) {
        String line;
        try {
            if (!Files.exists(sysfsFile)) return Optional.empty();
            line = Files.readString(sysfsFile, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return Optional.empty();
        }
        String[] f = line.split("\\s+");
        long address, size;
        try {
            if (f.length != 2) throw new NumberFormatException();
            address = Long.parseUnsignedLong(f[0], 16);
            size = Long.parseLong(f[1], 16);
        } catch (NumberFormatException e) {
            throw new DrgnException("could not parse " + sysfsFile + ": \"" + line + "\"");
        }
        if (size < 12 || size > MAX_SIZE) throw new DrgnException(sysfsFile + ": bad VMCOREINFO note size 0x" + Long.toHexString(size));
        ByteSlice note;
        try {
            note = ByteSlice.of(memory.read(address, (int) size, true), "VMCOREINFO note at physical 0x" + Long.toHexString(address));
        } catch (org.jdrgn.error.FaultException e) {
            throw new DrgnException("could not read the VMCOREINFO note that " + sysfsFile + " names: " + e.getMessage(), e);
        }
        long namesz = note.u32(0), descsz = note.u32(4);
        long descOff = 12 + ((namesz + 3) & ~3L);
        if (namesz != 11 || !new String(note.bytes(12, 10), StandardCharsets.US_ASCII).equals("VMCOREINFO")
                || descsz > size - descOff) {
            throw new DrgnException("the note at physical 0x" + Long.toHexString(address) + " named by " + sysfsFile
                    + " is not a VMCOREINFO note");
        }
        byte[] desc = note.bytes(descOff, (int) descsz);
        int len = desc.length;
        while (len > 0 && desc[len - 1] == 0) len--;
        return Optional.of(new String(desc, 0, len, StandardCharsets.UTF_8));
    }
}
