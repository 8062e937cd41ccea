package org.jdrgn.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdrgn.elf.ElfFile;
import org.jdrgn.types.CTypePrinter;
import org.jdrgn.types.Type;
import org.jdrgn.types.TypeKind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dwz multifile output (.gnu_debugaltlink + DW_FORM_GNU_ref_alt/strp_alt + partial units):
 * types found in the dwz'd binary print exactly as in the same binary before dwz.
 */
class DwzSupplementaryTest {
    @TempDir
    Path dir;

    private void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }

    private static DebugInfo debugInfo(Path file) throws Exception {
        ElfFile elf = ElfFile.open(file);
        Module m = new Module(file.toString(), Module.Kind.MAIN, 0, -1L, 0, elf.buildId(), Optional.of(elf), Optional.empty());
        return new DebugInfo(List.of(m), w -> { throw new AssertionError(w); });
    }

    @Test
    void typesThroughTheSupplementaryFileEqualTheOriginal() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/dwz")), "dwz is not installed (apt-get install dwz)");
        StringBuilder hdr = new StringBuilder("#include <stddef.h>\n");
        for (int i = 0; i < 40; i++) {
            hdr.append("struct s").append(i).append(" { int a; long b").append(i).append("; struct s").append(i)
                    .append(" *next; char name[").append(i + 4).append("]; };\ntypedef struct s").append(i)
                    .append(" s").append(i).append("_t;\n");
        }
        Files.writeString(dir.resolve("big.h"), hdr);
        List<String> names = new ArrayList<>();
        for (String prog : List.of("p1", "p2")) {
            List<String> cmd = new ArrayList<>(List.of("gcc", "-g", "-O0", "-gdwarf-4", "-o", prog));
            for (int cu = 0; cu < 3; cu++) {
                StringBuilder c = new StringBuilder("#include \"big.h\"\n");
                for (int i = cu; i < 40; i += 3) c.append("s").append(i).append("_t g_").append(prog).append('_').append(i).append(";\n");
                c.append(cu == 0 ? "int main(void) { return 0; }\n" : "int f" + cu + "(void) { return " + cu + "; }\n");
                Files.writeString(dir.resolve(prog + "_" + cu + ".c"), c);
                cmd.add(prog + "_" + cu + ".c");
            }
            run(cmd.toArray(String[]::new));
            Files.copy(dir.resolve(prog), dir.resolve(prog + ".orig"));
        }
        run("dwz", "-m", "common.debug", "-M", dir.resolve("common.debug").toString(), "p1", "p2");
        ElfFile dwzd = ElfFile.open(dir.resolve("p1"));
        assertTrue(dwzd.debugAltLink().isPresent(), "dwz wrote .gnu_debugaltlink");
        assertTrue(DebugInfo.supplementary(dwzd).isPresent(), "supplementary file found and build-id checked");

        DebugInfo orig = debugInfo(dir.resolve("p1.orig")), moved = debugInfo(dir.resolve("p1"));
        for (int i = 0; i < 40; i++) {
            Type a = orig.find(TypeKind.TYPEDEF, "s" + i + "_t", null);
            Type b = moved.find(TypeKind.TYPEDEF, "s" + i + "_t", null);
            assertNotNull(b, "s" + i + "_t through the supplementary file");
            assertEquals(CTypePrinter.definition(a.underlying()), CTypePrinter.definition(b.underlying()), "struct s" + i);
        }
    }
}
