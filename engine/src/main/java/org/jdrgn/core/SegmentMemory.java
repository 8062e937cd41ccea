package org.jdrgn.core;

import java.util.ArrayList;
import java.util.List;
import org.jdrgn.error.FaultException;

/**
 * Memory assembled from segments, as drgn's {@code add_memory_segment}: each covers
 * [address, address+size) of the virtual or the physical address space and reads through a
 * callback; where segments overlap, the one added last wins. Instances are immutable:
 * {@link #with} returns a new one.
 */
public final class SegmentMemory implements Memory {
    /** Reads {@code len} bytes at {@code offset} from the segment's start into dst. */
    @FunctionalInterface
    public interface Reader {
        void read(long offset, byte[] dst, int dstOff, int len) throws FaultException;
    }

    public record Segment(long address, long size, Reader reader, boolean physical) {
        boolean contains(long a) {
            return Long.compareUnsigned(a, address) >= 0 && Long.compareUnsigned(a - address, size) < 0;
        }
    }

    private final List<Segment> segments;

    public SegmentMemory() { this(List.of()); }

    private SegmentMemory(List<Segment> segments) { this.segments = segments; }

    public SegmentMemory with(long address, long size, Reader reader, boolean physical) {
        List<Segment> s = new ArrayList<>(segments);
        s.add(new Segment(address, size, reader, physical));
        return new SegmentMemory(List.copyOf(s));
    }

    public List<Segment> segments() { return segments; }

    @Override
    public void read(long address, byte[] dst, int off, int len, boolean physical) {
        long addr = address;
        int pos = off, left = len;
        while (left > 0) {
            int top = -1;
            for (int i = segments.size() - 1; i >= 0; i--) {
                Segment s = segments.get(i);
                if (s.physical() == physical && s.contains(addr)) { top = i; break; }
            }
            if (top < 0) throw FaultException.unmapped(addr);
            Segment seg = segments.get(top);
            long n = Math.min(left, seg.size() - (addr - seg.address()));
            if (n <= 0) n = left; // segment reaching the top of the address space
            // A later segment starting inside this chunk takes over from its start.
            for (int i = top + 1; i < segments.size(); i++) {
                Segment s = segments.get(i);
                long d = s.address() - addr;
                if (s.physical() == physical && Long.compareUnsigned(d, 0) > 0 && Long.compareUnsigned(d, n) < 0) n = d;
            }
            seg.reader().read(addr - seg.address(), dst, pos, (int) n);
            addr += n;
            pos += (int) n;
            left -= (int) n;
        }
    }
}
