package org.jdrgn.testcores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * testcores/MANIFEST.tsv: one row per committed core, with its binary; lines starting with
 * '#' are metadata ("# key<TAB>value", e.g. the libc build-id the cores depend on).
 */
public record Manifest(Map<String, String> meta, List<Entry> entries) {

    /** One core and the binary it was made from; sizes and sha256 are of the raw files. */
    public record Entry(String core, String binaryZst, long coreSize, long coreZstSize, String coreSha256,
                        long binarySize, long binaryZstSize, String binarySha256) {
        /** "O0-dw5-pie" of "threads_O0-dw5-pie.segv". */
        public String variant() {
            String base = core.substring(0, core.lastIndexOf('.'));
            return base.substring(base.indexOf('_') + 1);
        }

        /** "threads" of "threads_O0-dw5-pie.segv". */
        public String program() {
            return core.substring(0, core.indexOf('_'));
        }

        /** "segv", "gcore", "gcore-filter3f", ... */
        public String kind() {
            return core.substring(core.lastIndexOf('.') + 1);
        }
    }

    private static final String HEADER =
            "core\tbinary\tcore_size\tcore_zst_size\tcore_sha256\tbinary_size\tbinary_zst_size\tbinary_sha256";

    public Manifest {
        meta = Map.copyOf(meta);
        entries = List.copyOf(entries);
    }

    public static Manifest read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        List<Entry> entries = new java.util.ArrayList<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = file + ":" + (i + 1);
            if (line.startsWith("#")) {
                String[] kv = line.substring(1).strip().split("\t", 2);
                if (kv.length != 2) throw new IllegalStateException(where + ": metadata without a tab");
                meta.put(kv[0].strip(), kv[1].strip());
            } else if (!header) {
                if (!line.equals(HEADER)) throw new IllegalStateException(where + ": unexpected header " + line);
                header = true;
            } else if (!line.isEmpty()) {
                String[] f = line.split("\t", -1);
                if (f.length != 8) throw new IllegalStateException(where + ": " + f.length + " fields, want 8");
                entries.add(new Entry(f[0], f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), f[4],
                        Long.parseLong(f[5]), Long.parseLong(f[6]), f[7]));
            }
        }
        if (!header) throw new IllegalStateException(file + ": no header line");
        return new Manifest(meta, entries);
    }

    public Optional<Entry> entry(String core) {
        return entries.stream().filter(e -> e.core().equals(core)).findFirst();
    }
}
