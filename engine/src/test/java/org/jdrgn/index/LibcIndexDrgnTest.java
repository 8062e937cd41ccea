package org.jdrgn.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdrgn.dwarf.DwAt;
import org.jdrgn.dwarf.DwarfFiles;
import org.jdrgn.dwarf.VariableLocation;
import org.junit.jupiter.api.Test;

/**
 * libc's debug file: struct sizes chosen by the index (complete definition over declaration)
 * and global addresses, compared with drgn 0.0.22 on the same file; statics chosen by filename.
 */
class LibcIndexDrgnTest {
    @Test
    void structSizesAndGlobalAddressesMatchDrgn() throws IOException {
        DebugIndex index = new DebugIndex();
        index.add(DwarfFiles.open(DwarfFiles.LIBC_DEBUG));
        Map<String, Long> ours = new TreeMap<>();
        int withDecl = 0;
        for (String name : index.names()) {
            List<IndexEntry> all = index.lookup(name, EnumSet.of(IndexKind.STRUCT));
            if (all.isEmpty()) continue;
            boolean hasDecl = all.stream().anyMatch(IndexEntry::declaration);
            IndexEntry e = index.findType(IndexKind.STRUCT, name, null).orElseThrow();
            if (e.declaration()) continue;
            // two different structs with one name in different files: any choice is right
            if (all.stream().filter(x -> !x.declaration()).map(x -> x.die().die().unsigned(DwAt.byte_size)).distinct().count() > 1) continue;
            if (hasDecl) withDecl++;
            ours.put("struct " + name, e.die().die().unsigned(DwAt.byte_size));
        }
        int globals = 0;
        for (String name : index.names()) {
            if (globals >= 300) break;
            List<IndexEntry> vs = index.lookup(name, EnumSet.of(IndexKind.VARIABLE)).stream()
                    .filter(e -> e.external() && !e.declaration()).toList();
            if (vs.size() != 1 || !(DebugIndex.location(vs.get(0)) instanceof VariableLocation.Address a)) continue;
            ours.put("var " + name, a.address());
            globals++;
        }
        assertTrue(withDecl > 20, "structs declared somewhere and defined elsewhere: " + withDecl);
        assertTrue(globals > 50, "globals: " + globals);

        Path script = Files.createTempFile("drgn-oracle", ".py");
        StringBuilder py = new StringBuilder("import drgn,sys\np=drgn.Program()\np.load_debug_info(['"
                + DwarfFiles.LIBC_DEBUG + "'])\nfor l in sys.stdin.read().split('\\n'):\n  if not l: continue\n"
                + "  k,n=l.split(' ',1)\n  try:\n    v=p.type('struct '+n).size if k=='struct' else p.object(n).address_\n"
                + "  except Exception as e: v='ERR'\n  print(k+' '+n+'\\t'+str(v))\n");
        Files.writeString(script, py);
        Path in = Files.createTempFile("drgn-oracle", ".txt");
        Files.writeString(in, String.join("\n", ours.keySet()) + "\n");
        List<String> out = DwarfFiles.run("sh", "-c", "/usr/bin/python3 " + script + " < " + in);
        Files.delete(script);
        Files.delete(in);
        assertEquals(ours.size(), out.size(), "drgn answered every name");
        List<String> mismatches = new ArrayList<>();
        for (String l : out) {
            String[] kv = l.split("\t");
            String v = kv[1];
            if (v.equals("ERR") || v.equals("None")) continue;
            if (!String.valueOf(ours.get(kv[0])).equals(v)) mismatches.add(l + " ours=" + ours.get(kv[0]));
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void staticsAreChosenByFilename() {
        DebugIndex index = new DebugIndex();
        index.add(DwarfFiles.open(DwarfFiles.LIBC_DEBUG));
        int checked = 0;
        for (String name : index.names()) {
            List<IndexEntry> st = index.statics(name).stream().filter(e -> e.kind() == IndexKind.VARIABLE && e.unitName() != null).toList();
            if (st.size() < 2 || st.get(0).unitName().equals(st.get(1).unitName())) continue;
            for (IndexEntry want : st.subList(0, 2)) {
                IndexEntry got = index.findObject(name, want.unitName(), EnumSet.of(IndexKind.VARIABLE)).orElseThrow();
                assertEquals(want.unitName(), got.unitName(), name);
            }
            if (++checked == 20) break;
        }
        assertTrue(checked >= 5, "names with statics in several files: " + checked);
    }
}
