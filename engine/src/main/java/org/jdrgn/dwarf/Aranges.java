package org.jdrgn.dwarf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdrgn.bytes.ByteSlice;
import org.jdrgn.bytes.FormatException;

/**
 * .debug_aranges: the address ranges of each compile unit, by the unit's .debug_info offset.
 * Reading it costs a few hundred KB of sequential tuples, where the same map built from the
 * units' root DIEs parses every unit's abbreviation table (a kernel: ~2000 tables, 5 MB).
 * Empty ranges are kept as the compiler wrote them; callers filter.
 */
public final class Aranges {
    private Aranges() {}

    /** Unit offset -> its ranges, in section order; FormatException (section, offset) if malformed. */
    public static Map<Long, List<AddressRange>> byUnit(ByteSlice sec) {
        Map<Long, List<AddressRange>> out = new HashMap<>();
        long p = 0;
        // each set advances p by its (non-zero) length within a bounded section: terminates
        while (p < sec.size()) {
            long set = p;
            long length = sec.u32(p);
            int offsetSize = 4;
            p += 4;
            if (length == 0xffffffffL) {
                length = sec.u64(p);
                offsetSize = 8;
                p += 8;
            } else if (length >= 0xfffffff0L) {
                throw new FormatException(sec.what(), set, "reserved unit length 0x" + Long.toHexString(length));
            }
            long end = p + length;
            if (length < 4 || end > sec.size() || end < p) throw new FormatException(sec.what(), set, "bad set length " + length);
            int version = sec.u16(p);
            if (version != 2) throw new FormatException(sec.what(), set, "unsupported .debug_aranges version " + version);
            long unit = offsetSize == 4 ? sec.u32(p + 2) : sec.u64(p + 2);
            int addressSize = sec.u8(p + 2 + offsetSize);
            int segmentSize = sec.u8(p + 3 + offsetSize);
            if (addressSize != 4 && addressSize != 8 || segmentSize != 0) {
                throw new FormatException(sec.what(), set, "unsupported address size " + addressSize + " / segment size " + segmentSize);
            }
            long t = p + 4 + offsetSize;
            long tuple = 2L * addressSize;
            t = set + ((t - set + tuple - 1) / tuple) * tuple;     // tuples are aligned to their size from the set start
            List<AddressRange> ranges = out.computeIfAbsent(unit, k -> new ArrayList<>());
            for (; t + tuple <= end; t += tuple) {
                long begin = sec.uN(t, addressSize), size = sec.uN(t + addressSize, addressSize);
                if (begin == 0 && size == 0) break;
                ranges.add(new AddressRange(begin, begin + size));
            }
            p = end;
        }
        return out;
    }
}
