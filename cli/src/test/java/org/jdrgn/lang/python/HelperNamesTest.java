package org.jdrgn.lang.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every helper name drgn documents (drgn-helper-names.tsv: drgn 0.0.22's 209 and v0.2.0's 452
 * names of drgn.helpers.linux.* and drgn.helpers.common.*) imports under `jdrgn --python`
 * from its module, and drgn.helpers.linux re-exports each linux submodule's names as drgn
 * does (attribute and `import *`). The names still missing are exactly
 * drgn-helper-names-missing.txt: a name that stops importing fails, and so does one that
 * starts to without the list shrinking (the list only goes down).
 */
class HelperNamesTest {
    private static List<String> resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(HelperNamesTest.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }

    @Test
    void everyDocumentedNameImports(@TempDir Path tmp) throws IOException {
        List<String> rows = resource("drgn-helper-names.tsv");
        assertEquals(452, rows.size());
        assertEquals(209, rows.stream().filter(r -> r.split("\t")[2].equals("0.0.22")).count());
        StringBuilder table = new StringBuilder();
        for (String r : rows) table.append(r).append('\n');
        Path names = Files.writeString(tmp.resolve("names.tsv"), table);
        Path script = Files.writeString(tmp.resolve("check.py"), """
                import importlib, sys
                import drgn.helpers.linux as linux
                star = {}
                exec("from drgn.helpers.linux import *", star)
                missing, have = [], {"0.0.22": 0, "0.2.0": 0}
                for line in open(sys.argv[1]):
                    module, name, old, new = line.rstrip("\\n").split("\\t")
                    try:
                        value = getattr(importlib.import_module(module), name)
                    except (ImportError, AttributeError):
                        missing.append(f"{module} {name}")
                        continue
                    if module.startswith("drgn.helpers.linux.") and (
                            getattr(linux, name, None) is not value or star.get(name) is not value):
                        missing.append(f"{module} {name} (not re-exported by drgn.helpers.linux)")
                        continue
                    for v in (old, new):
                        if v != "-":
                            have[v] += 1
                print(f"have {have['0.0.22']}/209 of drgn 0.0.22, {have['0.2.0']}/452 of v0.2.0")
                for m in missing:
                    print(m)
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = org.jdrgn.cli.Main.run(new String[] {"--python", script.toString(), names.toString()},
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>(out.toString(StandardCharsets.UTF_8).lines().toList());
        String summary = lines.remove(0);
        System.out.println("HelperNamesTest: " + summary);
        assertTrue(summary.startsWith("have "), summary);
        assertEquals(String.join("\n", resource("drgn-helper-names-missing.txt")), String.join("\n", lines),
                summary + ": the names still missing (update drgn-helper-names-missing.txt when one is added)");
    }
}
