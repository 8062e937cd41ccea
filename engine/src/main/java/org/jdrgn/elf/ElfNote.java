package org.jdrgn.elf;

import java.util.ArrayList;
import java.util.List;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;

/** One ELF note record: owner name, type and a view of its descriptor bytes. */
public record ElfNote(String name, int type, ByteSlice desc) {
    /**
     * Parses the notes of one PT_NOTE segment or SHT_NOTE section. Name and descriptor are
     * padded to 4 bytes (Linux writes 4-byte-aligned notes even in 64-bit files; 8-byte
     * alignment is used only when the segment says so, as for .note.gnu.property).
     */
    public static List<ElfNote> parseAll(ByteSlice data, long align) {
        int a = align == 8 ? 8 : 4;
        List<ElfNote> out = new ArrayList<>();
        long pos = 0;
        while (data.size() - pos >= 12) {
            long namesz = data.u32(pos), descsz = data.u32(pos + 4);
            int type = data.s32(pos + 8);
            long nameOff = pos + 12;
            long descOff = alignUp(nameOff + namesz, a);
            long next = alignUp(descOff + descsz, a);
            if (descOff + descsz > data.size()) {
                throw new FormatException(data.what(), pos, "note extends past end of notes (namesz "
                        + namesz + ", descsz " + descsz + ")");
            }
            // The name is NUL-terminated inside namesz bytes; tolerate a missing terminator.
            int n = (int) namesz;
            while (n > 0 && data.u8(nameOff + n - 1) == 0) n--;
            String name = new String(data.bytes(nameOff, n), java.nio.charset.StandardCharsets.UTF_8);
            out.add(new ElfNote(name, type, data.slice(descOff, descsz)));
            pos = Math.min(next, data.size());
        }
        return List.copyOf(out);
    }

    private static long alignUp(long v, int a) { return (v + a - 1) & -(long) a; }
}
