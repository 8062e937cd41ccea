package org.jdrgn.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jdrgn.dwarf.Dwarf;
import org.jdrgn.dwarf.DwarfSections;
import org.jdrgn.elf.ElfFile;

/**
 * Index build time and memory on real debug files (not a unit test: timings vary by machine).
 * Usage: IndexBench [--repeat N] [--all-debug] [file...]; default: libc's debug file.
 */
public final class IndexBench {
    public static void main(String[] args) throws IOException {
        int repeat = 5;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--repeat")) repeat = Integer.parseInt(args[++i]);
            else if (args[i].equals("--all-debug")) {
                try (Stream<Path> s = Files.walk(Path.of("/usr/lib/debug/.build-id"))) {
                    s.filter(p -> p.toString().endsWith(".debug")).sorted().forEach(files::add);
                }
            } else files.add(Path.of(args[i]));
        }
        if (files.isEmpty()) files.add(Path.of("/usr/lib/debug/.build-id/93/ac61ec5a8eb1396f9fbd350e3169a558528a40.debug"));
        System.out.printf("%d file(s), %d cores%n", files.size(), Runtime.getRuntime().availableProcessors());
        for (int r = 0; r < repeat; r++) {
            long t0 = System.nanoTime();
            List<Dwarf> dwarfs = new ArrayList<>();
            long infoBytes = 0;
            for (Path f : files) {
                ElfFile elf = ElfFile.open(f);
                if (!elf.hasDebugInfo()) continue;
                DwarfSections s = DwarfSections.of(n -> elf.sectionData(n).orElse(null), null);
                infoBytes += s.info().size();
                dwarfs.add(Dwarf.open(s));
            }
            long t1 = System.nanoTime();
            DebugIndex index = new DebugIndex();
            long units = 0, dies = 0, entries = 0;
            for (Dwarf d : dwarfs) {
                IndexStats st = index.add(d);
                units += st.units();
                dies += st.dies();
                entries += st.entries();
            }
            long t2 = System.nanoTime();
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long heap = rt.totalMemory() - rt.freeMemory();
            System.out.printf("run %d: .debug_info %.1f MB (decompressed), open+decompress %.0f ms, index %.0f ms: "
                            + "%d units, %d DIEs visited, %d entries, %d names, heap after GC %.1f MB%n",
                    r, infoBytes / 1e6, (t1 - t0) / 1e6, (t2 - t1) / 1e6, units, dies, entries,
                    index.nameCount(), heap / 1e6);
        }
    }
}
