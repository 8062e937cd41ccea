package org.jdrgn.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdrgn.dwarf.Dwarf;
import org.jdrgn.dwarf.Unit;

/**
 * Indexes every unit of some files on all cores: one {@link Batch} per worker, units handed out
 * one at a time from a shared counter, biggest first, so that no core idles at the end.
 */
final class ParallelWalk {
    private ParallelWalk() {}

    /** {@code files.get(f)}'s units are indexed as file f (sources {@link Segment#source}). */
    static List<Batch> walk(List<Dwarf> files) {
        List<Unit> units = new ArrayList<>();
        List<Integer> fileOf = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            for (Unit u : files.get(f).units()) {
                units.add(u);
                fileOf.add(f);
            }
        }
        Integer[] order = new Integer[units.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingLong((Integer i) -> -size(units.get(i))));
        int workers = Math.max(1, Math.min(units.size(), Runtime.getRuntime().availableProcessors()));
        AtomicInteger next = new AtomicInteger();
        RuntimeException[] failure = new RuntimeException[workers];
        List<Batch> batches = new ArrayList<>();
        Runnable[] work = new Runnable[workers];
        for (int w = 0; w < workers; w++) {
            Batch b = new Batch();
            batches.add(b);
            int id = w;
            work[w] = () -> {
                try {
                    // each index is handed out once: at most units.size() iterations in all
                    for (int k; (k = next.getAndIncrement()) < order.length; ) {
                        int i = order[k];
                        Unit u = units.get(i);
                        int f = fileOf.get(i);
                        UnitIndexer.index(u, Segment.source(f, u.header().inTypes()), f, b);
                    }
                } catch (RuntimeException | Error e) {
                    failure[id] = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                    next.set(order.length); // the others stop after their current unit
                }
            };
        }
        Thread[] threads = new Thread[workers];
        for (int w = 1; w < workers; w++) threads[w] = Thread.ofPlatform().daemon().name("jdrgn-index-" + w).start(work[w]);
        work[0].run();
        for (int w = 1; w < workers; w++) {
            boolean interrupted = false;
            while (true) {
                try {
                    threads[w].join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the workers finish on their own: wait for them
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
        for (RuntimeException e : failure) if (e != null) throw e;
        return batches;
    }

    private static long size(Unit u) { return u.header().end() - u.header().offset(); }
}
