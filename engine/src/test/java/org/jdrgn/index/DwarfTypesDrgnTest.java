package org.jdrgn.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.jdrgn.dwarf.DwarfFiles;
import org.jdrgn.dwarf.DwarfTypes;
import org.jdrgn.types.Type;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** DIE -> Type: the C definitions of every type and global variable's type, compared with drgn 0.0.22's str(type). */
class DwarfTypesDrgnTest {
    static Stream<Path> files() {
        List<Path> l = new ArrayList<>(DwarfFiles.testBinaries());
        return l.stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void definitionsMatchDrgn(Path file) throws IOException {
        DebugIndex index = new DebugIndex();
        index.add(DwarfFiles.open(file));
        DwarfTypes types = new DwarfTypes(index.definitions());
        List<String> queries = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (String name : new java.util.TreeSet<>(index.names())) {
            for (IndexKind k : List.of(IndexKind.STRUCT, IndexKind.UNION, IndexKind.ENUM, IndexKind.TYPEDEF)) {
                var e = index.findType(k, name, null);
                // drgn 0.0.22 cannot look up a declaration-only type by name: compare complete ones
                if (e.isEmpty() || e.get().declaration() || !e.get().unitName().matches(".*(types|threads)\\.c")) continue;
                String prefix = switch (k) { case STRUCT -> "struct "; case UNION -> "union "; case ENUM -> "enum "; default -> ""; };
                queries.add("T" + prefix + name);
                ours.add(types.type(e.get().die().die()).definition());
            }
            var v = index.findObject(name, null, EnumSet.of(IndexKind.VARIABLE));
            if (v.isPresent() && v.get().unitName() != null && v.get().unitName().matches(".*(types|threads)\\.c") && !v.get().declaration()) {
                queries.add("V" + name);
                Type t = types.typeOf(v.get().die().die());
                ours.add(t.typeName());
            }
        }
        assertTrue(queries.size() > 10, "queries: " + queries.size());
        Path script = Files.createTempFile("drgn-types", ".py");
        Files.writeString(script, "import drgn,sys\np=drgn.Program()\np.load_debug_info(['" + file + "'])\n"
                + "for l in sys.stdin.read().split('\\n'):\n  if not l: continue\n"
                + "  try:\n    s=str(p.type(l[1:])) if l[0]=='T' else p[l[1:]].type_.type_name()\n"
                + "  except Exception as e: s='ERR '+str(e)\n  print(s.replace('\\n','\\\\n'))\n");
        Path in = Files.createTempFile("drgn-types", ".txt");
        Files.writeString(in, String.join("\n", queries) + "\n");
        List<String> theirs = DwarfFiles.run("sh", "-c", "/usr/bin/python3 " + script + " < " + in);
        Files.delete(script);
        Files.delete(in);
        assertEquals(queries.size(), theirs.size());
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            String o = ours.get(i).replace("\n", "\\n");
            // drgn 0.0.22 cannot evaluate TLS locations without a thread; the type is still compared by us elsewhere
            if (theirs.get(i).contains("unknown DWARF expression opcode 0x9b") || theirs.get(i).contains("opcode 0xe0")) continue;
            if (!o.equals(theirs.get(i))) diffs.add(queries.get(i) + "\n  drgn: " + theirs.get(i) + "\n  ours: " + o);
        }
        assertEquals(List.of(), diffs);
    }
}
