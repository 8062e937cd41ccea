package org.jdrgn.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Non-overlapping address ranges [start, start+memsz) backed by file bytes
 * [fileOffset, fileOffset+filesz), sorted for binary search. Where input ranges overlap (a
 * page mapped twice in the physical view of a paging dump) the first one listed wins: both
 * hold the same bytes.
 */
final class DumpSegments {
    record Range(long start, long memsz, long fileOffset, long filesz) {
        long end() { return start + memsz; }
    }

    private final long[] start, end, fileOffset, filesz;

    private DumpSegments(List<Range> ranges) {
        int n = ranges.size();
        start = new long[n]; end = new long[n]; fileOffset = new long[n]; filesz = new long[n];
        for (int i = 0; i < n; i++) {
            Range r = ranges.get(i);
            start[i] = r.start(); end[i] = r.end(); fileOffset[i] = r.fileOffset(); filesz[i] = r.filesz();
        }
    }

    static DumpSegments of(List<Range> input) {
        List<Range> sorted = new ArrayList<>();
        for (Range r : input) if (r.memsz() > 0) sorted.add(r);
        // Stable sort keeps input order among equal starts: the first listed wins.
        sorted.sort(Comparator.comparing(Range::start, Long::compareUnsigned));
        List<Range> out = new ArrayList<>();
        long covered = 0;
        boolean any = false;
        for (Range r : sorted) {
            long s = r.start(), e = r.end();
            if (any && Long.compareUnsigned(s, covered) < 0) {
                if (Long.compareUnsigned(e, covered) <= 0) continue;
                long skip = covered - s; // keep only the part past what is covered
                r = new Range(covered, r.memsz() - skip, r.fileOffset() + skip, Math.max(0, r.filesz() - skip));
            }
            out.add(r);
            covered = r.end();
            any = true;
        }
        return new DumpSegments(out);
    }

    int count() { return start.length; }

    /** Index of the range containing address, or -1. */
    int find(long address) {
        int lo = 0, hi = start.length - 1, ans = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(start[mid], address) <= 0) { ans = mid; lo = mid + 1; } else hi = mid - 1;
        }
        return ans >= 0 && Long.compareUnsigned(address, end[ans]) < 0 ? ans : -1;
    }

    long start(int i) { return start[i]; }
    long end(int i) { return end[i]; }
    long fileOffset(int i) { return fileOffset[i]; }
    long filesz(int i) { return filesz[i]; }
}
