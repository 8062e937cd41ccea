package org.jdrgn.core;

import java.nio.charset.StandardCharsets;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;

/** The container formats of Linux kernel crash dumps, told apart by their first bytes. */
public enum KernelDumpFormat {
    /** ELF core: /proc/vmcore, QEMU dump-guest-memory, makedumpfile -E. */
    ELF,
    /** makedumpfile's kdump-compressed format, signature "KDUMP   ". */
    DISKDUMP,
    /** makedumpfile's flattened stream (makedumpfile -F, QEMU kdump-*), signature "makedumpfile". */
    FLATTENED;

    private static final int ET_CORE = 4;

    /** Recognises the format from the start of a file; names the file and what it found otherwise. */
    public static KernelDumpFormat detect(ByteSlice file) {
        byte[] head = file.bytes(0, (int) Math.min(64, file.size()));
        if (startsWith(head, "\u007fELF")) {
            if (head.length < 18 || head[4] != 2 || head[5] != 1) {
                throw new FormatException(file.what(), 4, "ELF file is not 64-bit little-endian; not a supported kernel core dump");
            }
            int type = (head[16] & 0xff) | (head[17] & 0xff) << 8;
            if (type != ET_CORE) {
                throw new FormatException(file.what(), 16, "ELF file is not a core dump (e_type " + type + ")");
            }
            return ELF;
        }
        if (startsWith(head, DiskDumpHeader.SIGNATURE)) return DISKDUMP;
        if (startsWith(head, FlattenedImage.SIGNATURE)) return FLATTENED;
        if (startsWith(head, "DISKDUMP")) {
            throw new FormatException(file.what(), 0, "old \"DISKDUMP\" (diskdump utility) format is not supported");
        }
        throw new FormatException(file.what(), 0, "not a kernel core dump: expected an ELF core, \"KDUMP   \" or "
                + "\"makedumpfile\" signature; found " + describe(head));
    }

    private static boolean startsWith(byte[] head, String sig) {
        byte[] s = sig.getBytes(StandardCharsets.ISO_8859_1);
        if (head.length < s.length) return false;
        for (int i = 0; i < s.length; i++) if (head[i] != s[i]) return false;
        return true;
    }

    private static String describe(byte[] head) {
        if (head.length == 0) return "an empty file";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(16, head.length); i++) sb.append(String.format("%02x", head[i] & 0xff));
        return "bytes " + sb;
    }
}
