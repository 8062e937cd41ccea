package org.jdrgn.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jdrgn.dwarf.Dwarf;
import org.jdrgn.dwarf.DwarfSections;
import org.jdrgn.elf.ElfFile;

/**
 * Index build time, cache write/load time and memory on real debug files (not a unit test:
 * timings vary by machine). Usage:
 * IndexBench [--repeat N] [--all-debug] [--cache-dir DIR] [--load-only] [--name NAME] [file...];
 * default file: libc's debug file. {@code --load-only} opens the files and reads their tables
 * from DIR (run it in a fresh JVM after a normal run with the same DIR: the "second open").
 */
public final class IndexBench {
    private record Opened(ElfFile elf, Dwarf dwarf) {}

    public static void main(String[] args) throws IOException {
        int repeat = 5;
        boolean loadOnly = false;
        Path cacheDir = null;
        String name = "task_struct";
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--cache-dir" -> cacheDir = Path.of(args[++i]);
                case "--load-only" -> loadOnly = true;
                case "--name" -> name = args[++i];
                case "--all-debug" -> {
                    try (Stream<Path> s = Files.walk(Path.of("/usr/lib/debug/.build-id"))) {
                        s.filter(p -> p.toString().endsWith(".debug")).sorted().forEach(files::add);
                    }
                }
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) files.add(Path.of("/usr/lib/debug/.build-id/93/ac61ec5a8eb1396f9fbd350e3169a558528a40.debug"));
        if (cacheDir == null) cacheDir = Files.createTempDirectory("jdrgn-index-bench");
        System.out.printf("%d file(s), %d cores, cache %s%n", files.size(), Runtime.getRuntime().availableProcessors(), cacheDir);
        IndexCache cache = IndexCache.at(cacheDir);
        if (loadOnly) {
            long t0 = System.nanoTime();
            List<Opened> opened = open(files);
            long t1 = System.nanoTime();
            DebugIndex index = new DebugIndex(cache);
            int cached = 0;
            for (Opened o : opened) if (index.add(o.dwarf(), o.elf()).cached()) cached++;
            long t2 = System.nanoTime();
            int found = index.lookup(name).size();
            long t3 = System.nanoTime();
            System.out.printf("open %.1f ms, cache load %.1f ms (%d/%d files from cache), first lookup %.2f ms (%s: %d entries)%n",
                    ms(t1 - t0), ms(t2 - t1), cached, opened.size(), ms(t3 - t2), name, found);
            System.out.printf("heap after GC %.1f MB%n", heapAfterGc() / 1e6);
            return;
        }
        long[] builds = new long[repeat];
        DebugIndex built = null;
        List<Opened> opened = null;
        for (int r = 0; r < repeat; r++) {
            long t0 = System.nanoTime();
            opened = open(files);
            long infoBytes = opened.stream().mapToLong(o -> o.dwarf().sections().info().size()).sum();
            long t1 = System.nanoTime();
            built = new DebugIndex(IndexCache.none());
            long units = 0, dies = 0, entries = 0;
            for (Opened o : opened) {
                IndexStats st = built.add(o.dwarf(), o.elf());
                units += st.units();
                dies += st.dies();
                entries += st.entries();
            }
            long t2 = System.nanoTime();
            builds[r] = t2 - t1;
            System.out.printf("run %d: .debug_info %.1f MB, open %.0f ms, build %.0f ms: %d units, %d DIEs visited, %d entries, %d names%n",
                    r, infoBytes / 1e6, ms(t1 - t0), ms(t2 - t1), units, dies, entries, built.nameCount());
        }
        double heapBuilt = heapAfterGc() / 1e6;
        // write: the last build's tables, as add(dwarf, elf) would after a miss
        long w0 = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < opened.size(); i++) {
            var key = cache.keyFor(opened.get(i).elf());
            if (key.isEmpty()) continue;
            NameTable t = built.segments().get(i).table();
            cache.store(key.get(), t.image());
            bytes += Files.size(cache.path(key.get()));
        }
        long w1 = System.nanoTime();
        built = null;
        DebugIndex loaded = new DebugIndex(cache);
        int cached = 0;
        for (Opened o : opened) if (loaded.add(o.dwarf(), o.elf()).cached()) cached++;
        long l1 = System.nanoTime();
        int found = loaded.lookup(name).size();
        long l2 = System.nanoTime();
        double heapLoaded = heapAfterGc() / 1e6;
        long[] warm = Arrays.copyOfRange(builds, 1, Math.max(1, repeat));
        Arrays.sort(warm);
        System.out.printf("build cold %.0f ms, warm %s ms (median of %d)%n", ms(builds[0]),
                warm.length == 0 ? "-" : String.format("%.0f", ms(warm[warm.length / 2])), warm.length);
        System.out.printf("cache write %.0f ms, %.1f MB; cache load %.1f ms (%d/%d files), first lookup %.2f ms (%s: %d entries)%n",
                ms(w1 - w0), bytes / 1e6, ms(l1 - w1), cached, opened.size(), ms(l2 - l1), name, found);
        System.out.printf("heap after GC: with the built index %.1f MB, with the cached index %.1f MB%n", heapBuilt, heapLoaded);
    }

    private static List<Opened> open(List<Path> files) throws IOException {
        List<Opened> out = new ArrayList<>();
        for (Path f : files) {
            ElfFile elf = ElfFile.open(f);
            if (!elf.hasDebugInfo()) continue;
            out.add(new Opened(elf, Dwarf.open(DwarfSections.of(n -> elf.sectionData(n).orElse(null), null))));
        }
        return out;
    }

    private static long heapAfterGc() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double ms(long nanos) { return nanos / 1e6; }
}
