package org.jdrgn.objects;

import org.jdrgn.program.ProgramObjectContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdrgn.program.load.DumpLoader;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.Program;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.api.Test;

/**
 * Globals of a real core printed by str(obj), against drgn's printing of them in
 * testcores/oracle/&lt;core&gt;.drgn.txt. Objects are built from the symbol's address and the
 * declared type parsed against the core's DWARF types.
 */
class CoreObjectsTest {
    private static final String CORE = "types_O0-dw4-nopie.gcore";

    /** Global name to its declared type in testcores/src/types.c. */
    private static final Map<String, String> GLOBALS = new LinkedHashMap<>();
    static {
        String[] decl = {"g_int", "int", "g_cv", "const volatile int", "g_str", "char [12]", "g_matrix", "int [3][4]",
                "g_cube", "double [2][2][2]", "g_rect", "struct rect", "g_val", "union value", "g_flags", "struct flags",
                "g_tag", "struct tagged [2]", "g_blob", "struct blob *", "g_ops", "struct ops [2]", "g_fn", "binop_fn",
                "g_items", "struct list_head", "g_hash", "struct hashtable", "g_color", "enum color",
                "g_small", "enum small_enum", "g_uid", "user_id_t", "g_null", "void *", "g_bool", "_Bool",
                "g_char", "char", "g_ushort", "unsigned short", "g_llong", "long long", "g_float", "float"};
        for (int i = 0; i < decl.length; i += 2) GLOBALS.put(decl[i], decl[i + 1]);
    }

    private static final java.util.Set<String> RODATA_POINTERS = java.util.Set.of("g_rect", "g_tag", "g_ops");

    /** drgn's printed value of prog['name'] from the oracle (multi-line values are indented 4). */
    static String expected(String oracle, String name) {
        String head = "prog['" + name + "'] =";
        int at = oracle.indexOf("\n" + head) + 1;
        assertTrue(at > 0, "oracle prints " + name);
        int eol = oracle.indexOf('\n', at);
        String first = oracle.substring(at + head.length(), eol);
        if (!first.isEmpty()) return first.substring(1);
        StringBuilder sb = new StringBuilder();
        int pos = eol + 1;
        while (oracle.startsWith("    ", pos)) {
            int end = oracle.indexOf('\n', pos);
            if (!sb.isEmpty()) sb.append('\n');
            sb.append(oracle, pos + 4, end);
            pos = end + 1;
        }
        return sb.toString();
    }

    @Test
    void globalsPrintAsDrgn() throws Exception {
        String oracle = Files.readString(TestCores.oracleFile(CORE, "drgn.txt"));
        TestCores.materializeRunTree();
        Program prog = new Program(null);
        DumpLoader.open(prog, TestCores.core(CORE), DebugInfoOptions.DEFAULT, w -> { });
        ProgramObjectContext ctx = new ProgramObjectContext(prog);
        for (Map.Entry<String, String> g : GLOBALS.entrySet()) {
            long address = prog.symbol(g.getKey()).address();
            DrgnObject o = DrgnObject.reference(ctx, ctx.type(g.getValue()), address, 0, null);
            // drgn 0.0.22 could not read .rodata from this core (the oracle's "g_rect.name ... FaultError"),
            // so it printed those char pointers without their strings; jdrgn's memory falls back to the
            // executable and reads them, hence string=False where such pointers are printed
            FormatOptions f = RODATA_POINTERS.contains(g.getKey()) ? FormatOptions.DEFAULT.with("string", false)
                    : FormatOptions.DEFAULT;
            assertEquals(expected(oracle, g.getKey()), o.format(f), g.getKey());
        }
    }
}
