package org.jdrgn.stack;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The tail-call search on synthetic call graphs (functions by entry address, call sites by
 * return address): gdb's rules for one path, several paths (common prefix and suffix), no
 * common part, unresolvable targets, cycles, and a graph too large to search. The same search
 * on real DWARF is checked against gdb in {@link TailCallFramesGdbTest}.
 */
class TailCallChainTest {
    static final long CALLEE = 0x9000;

    /** function entry -> its tail call sites; site pc -> target entry (absent: unresolvable). */
    static final class FakeGraph implements TailCallChain.Graph {
        final Map<Long, List<TailCallChain.Site>> sites = new HashMap<>();
        final Map<Long, Long> targets = new HashMap<>();
        int calls;

        FakeGraph tail(long function, long sitePc, long target) {
            sites.computeIfAbsent(function, k -> new ArrayList<>()).add(new TailCallChain.Site(sitePc, null, null));
            targets.put(sitePc, target);
            return this;
        }

        FakeGraph leaf(long function) {
            sites.computeIfAbsent(function, k -> new ArrayList<>());
            return this;
        }

        @Override public List<TailCallChain.Site> tailCallsOf(long entry) {
            calls++;
            List<TailCallChain.Site> s = sites.get(entry);
            if (s == null) throw new TailCallChain.Unproven();
            return s;
        }

        @Override public long target(TailCallChain.Site site) {
            Long t = targets.get(site.pc());
            if (t == null) throw new TailCallChain.Unproven();
            return t;
        }
    }

    static List<Long> pcs(List<TailCallChain.Site> sites) { return sites.stream().map(TailCallChain.Site::pc).toList(); }

    @Test
    void directCallHasNoTailFrames() {
        assertEquals(List.of(), TailCallChain.search(new FakeGraph(), CALLEE, CALLEE));
    }

    @Test
    void oneChainInnermostFirst() {
        // A jumps to B (site 0x1010), B jumps to the callee (0x2020); a dead end elsewhere in A
        FakeGraph g = new FakeGraph().tail(0x1000, 0x1005, 0x3000).leaf(0x3000)
                .tail(0x1000, 0x1010, 0x2000).tail(0x2000, 0x2020, CALLEE);
        assertEquals(List.of(0x2020L, 0x1010L), pcs(TailCallChain.search(g, 0x1000, CALLEE)));
    }

    @Test
    void pathsAgreeingAtTheEndProveTheEnd() {
        // A -> B1 -> C -> callee and A -> B2 -> C -> callee: only C's jump is common
        FakeGraph g = new FakeGraph().tail(0x1000, 0x1001, 0x2000).tail(0x1000, 0x1002, 0x2100)
                .tail(0x2000, 0x2001, 0x3000).tail(0x2100, 0x2101, 0x3000).tail(0x3000, 0x3001, CALLEE);
        assertEquals(List.of(0x3001L), pcs(TailCallChain.search(g, 0x1000, CALLEE)));
    }

    @Test
    void pathsAgreeingAtTheStartProveTheStart() {
        // A -> B -> C1 -> callee and A -> B -> C2 -> callee: only A's jump is common (B is on both
        // paths, but from two different call sites, so its frame's pc is unknown: gdb leaves it out)
        FakeGraph g = new FakeGraph().tail(0x1000, 0x1001, 0x2000).tail(0x2000, 0x2001, 0x3000)
                .tail(0x2000, 0x2002, 0x3100).tail(0x3000, 0x3001, CALLEE).tail(0x3100, 0x3101, CALLEE);
        assertEquals(List.of(0x1001L), pcs(TailCallChain.search(g, 0x1000, CALLEE)));
        // A -> B -> {C1, C2} -> D -> callee: A's jump first, D's last, innermost first
        FakeGraph h = new FakeGraph().tail(0x1000, 0x1001, 0x2000).tail(0x2000, 0x2001, 0x3000)
                .tail(0x2000, 0x2002, 0x3100).tail(0x3000, 0x3001, 0x4000).tail(0x3100, 0x3101, 0x4000)
                .tail(0x4000, 0x4001, CALLEE);
        assertEquals(List.of(0x4001L, 0x1001L), pcs(TailCallChain.search(h, 0x1000, CALLEE)));
    }

    @Test
    void pathsWithNothingInCommonProveNothing() {
        FakeGraph g = new FakeGraph().tail(0x1000, 0x1001, 0x2000).tail(0x1000, 0x1002, 0x2100)
                .tail(0x2000, 0x2001, CALLEE).tail(0x2100, 0x2101, CALLEE);
        assertEquals(List.of(), TailCallChain.search(g, 0x1000, CALLEE));
    }

    @Test
    void noPathOrAnUnresolvableJumpProvesNothing() {
        assertEquals(List.of(), TailCallChain.search(new FakeGraph().leaf(0x1000), 0x1000, CALLEE));
        // a function without DWARF on the way
        assertEquals(List.of(), TailCallChain.search(new FakeGraph().tail(0x1000, 0x1001, 0x5000), 0x1000, CALLEE));
        // an indirect jump (no target without a frame) anywhere on the search aborts it, as in gdb
        FakeGraph g = new FakeGraph().tail(0x1000, 0x1001, 0x2000).tail(0x2000, 0x2001, CALLEE);
        g.sites.get(0x1000L).add(new TailCallChain.Site(0x1002, null, null));
        assertEquals(List.of(), TailCallChain.search(g, 0x1000, CALLEE));
    }

    @Test
    @Timeout(10)
    void cyclesEnd() {
        // A jumps to itself and to B; B jumps back to A and to the callee
        FakeGraph g = new FakeGraph().tail(0x1000, 0x1001, 0x1000).tail(0x1000, 0x1002, 0x2000)
                .tail(0x2000, 0x2001, 0x1000).tail(0x2000, 0x2002, CALLEE);
        List<TailCallChain.Site> got = TailCallChain.search(g, 0x1000, CALLEE);
        // paths: [1002 2002], [1001 1002 2002], ...: B's jump to the callee is common to all
        assertEquals(0x2002L, got.getFirst().pc());
        assertTrue(g.calls < 100, "searched " + g.calls + " functions");
    }

    @Test
    @Timeout(10)
    void aHugeGraphIsGivenUp() {
        // 40 functions each jumping to all others: exponentially many paths, never the callee
        FakeGraph g = new FakeGraph();
        for (long f = 1; f <= 40; f++) {
            for (long t = 1; t <= 40; t++) if (t != f) g.tail(f << 12, (f << 12) + t, t << 12);
        }
        assertEquals(List.of(), TailCallChain.search(g, 1 << 12, CALLEE));
        assertTrue(g.calls <= TailCallChain.MAX_STEPS, "searched " + g.calls + " functions");
    }
}
