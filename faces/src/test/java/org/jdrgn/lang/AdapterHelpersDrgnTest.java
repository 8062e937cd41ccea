package org.jdrgn.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdrgn.error.DrgnException;
import org.jdrgn.error.TypeErrorException;
import org.jdrgn.objects.DrgnObject;
import org.jdrgn.objects.Literals;
import org.jdrgn.program.load.DumpLoader;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.ObjectFinder;
import org.jdrgn.program.Program;
import org.jdrgn.testcores.TestCores;
import org.jdrgn.types.Type;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adapters' shared tables (operator spellings, format_() keywords, which type kinds have
 * which attributes, the kernel helpers' non-kernel error) against drgn 0.0.22 run live on the
 * same core: each line drgn prints is what the helper gives, or the error drgn raises.
 */
class AdapterHelpersDrgnTest {
    private static final String CORE = "types_O0-dw5-pie.gcore";
    private static final List<String> BINARY = List.of("+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^");
    private static final List<String> UNARY = List.of("-", "+", "~");
    private static final List<String> TYPES = List.of("struct item", "int", "enum color", "user_id_t", "int [3]",
            "struct item *", "binop_fn");
    private static final List<String> ATTRS = List.of("name", "tag", "size", "length", "is_signed", "byteorder", "type");

    /** Prints "key\tvalue" lines: operators on g_int and 3, format_() options on g_rect, type attributes. */
    private static final String DRGN = """
            import sys, drgn
            prog = drgn.program_from_core_dump(sys.argv[1])
            prog.load_default_debug_info()
            def out(k, f):
                try:
                    v = f()
                except Exception as e:
                    v = 'ERROR ' + type(e).__name__ + ': ' + str(e)
                print(k + '\\t' + str(v).replace('\\n', '\\\\n'))
            i = prog['g_int']
            for op in sys.argv[2].split(' '):
                out('bin' + op, lambda: eval('i ' + op + ' 3'))
            for op in sys.argv[3].split(' '):
                out('un' + op, lambda: eval(op + 'i'))
            m = prog['g_matrix']
            out('ptrdiff', lambda: m[2][3].address_of_() - m[0][1].address_of_())
            out('cmpLT', lambda: i < 3)
            out('cmpEQ', lambda: i == i.value_())
            r = prog['g_rect']
            out('fmt1', lambda: r.format_(member_names=False, columns=40, string=False))
            out('fmt2', lambda: r.format_(dereference=False, type_name=False, string=False, symbolize=None))
            for t in sys.argv[4].split(','):
                for a in sys.argv[5].split(','):
                    out(t + '.' + a, lambda: getattr(prog.type(t), a))
            """;

    private static Program prog;
    private static Map<String, String> drgn;

    @BeforeAll
    static void run() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")) && Files.isDirectory(Path.of("/usr/lib/python3/dist-packages/drgn")),
                "drgn 0.0.22 (python3-drgn, /usr/bin/python3) not installed");
        TestCores.materializeRunTree();
        Path core = TestCores.core(CORE);
        prog = new Program(null);
        DumpLoader.open(prog, core, DebugInfoOptions.DEFAULT, w -> { });
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", DRGN, core.toString(), String.join(" ", BINARY),
                String.join(" ", UNARY), String.join(",", TYPES), String.join(",", ATTRS))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor() == 0 && !out.isEmpty(), "drgn 0.0.22 could not read " + core);
        drgn = new LinkedHashMap<>();
        out.lines().forEach(l -> drgn.put(l.substring(0, l.indexOf('\t')), l.substring(l.indexOf('\t') + 1)));
    }

    private static DrgnObject global(String name) { return prog.findObject(name, ObjectFinder.ANY, null); }

    /** What the engine gives, printed as drgn prints a result or an error ("ERROR AttributeError: ..."). */
    private static String got(Supplier<Object> f) {
        try {
            Object v = f.get();
            return String.valueOf(v).replace("\n", "\\n");
        } catch (DrgnException e) {
            return "ERROR " + DrgnErrors.of(e).name() + ": " + e.getMessage();
        }
    }

    @Test
    void operatorsBySpelling() {
        DrgnObject i = global("g_int");
        DrgnObject three = Literals.of(i.context(), 3L);
        for (String op : BINARY) assertEquals(drgn.get("bin" + op), got(() -> ObjectOps.binary(op, i, three)), op);
        for (String op : UNARY) assertEquals(drgn.get("un" + op), got(() -> ObjectOps.unary(op, i)), op);
        DrgnObject m = global("g_matrix");
        assertEquals(drgn.get("ptrdiff"), got(() -> ObjectOps.binary("-",
                m.subscript(2).subscript(3).addressOf(), m.subscript(0).subscript(1).addressOf())));
        assertEquals(drgn.get("cmpLT"), ObjectOps.compare("LT", i, three) ? "True" : "False");
        assertEquals(drgn.get("cmpEQ"), ObjectOps.compare("EQ", i, Literals.of(i.context(), i.value())) ? "True" : "False");
        assertThrows(IllegalArgumentException.class, () -> ObjectOps.binary("**", i, three));
    }

    @Test
    void formatKeywords() {
        DrgnObject r = global("g_rect");
        // string=False: g_rect.name points into .rodata, which the core omits (drgn faults
        // there, jdrgn reads the binary: program.ObjectsOracleTest)
        assertEquals(drgn.get("fmt1"), got(() -> ObjectOps.format(r, Map.of("member_names", false, "columns", 40L, "string", false))));
        Map<String, Object> o2 = new LinkedHashMap<>();
        o2.put("dereference", false);
        o2.put("type_name", false);
        o2.put("string", false);
        o2.put("symbolize", null);                    // None: the default
        assertEquals(drgn.get("fmt2"), got(() -> ObjectOps.format(r, o2)));
        TypeErrorException bad = assertThrows(TypeErrorException.class, () -> ObjectOps.format(r, Map.of("colour", true)));
        assertEquals("format_() got an unexpected keyword argument 'colour'", bad.getMessage());
        assertThrows(TypeErrorException.class, () -> ObjectOps.format(r, Map.of("dereference", 1L)));
    }

    @Test
    void typeAttributesByKind() {
        int compared = 0;
        for (String name : TYPES) {
            Type t = prog.types().parse(name, null);
            for (String a : ATTRS) {
                String want = drgn.get(name + "." + a);
                String ours = got(() -> switch (a) {
                    case "name" -> TypeAttributes.name(t);
                    case "tag" -> TypeAttributes.tag(t);
                    case "size" -> TypeAttributes.size(t);
                    case "length" -> TypeAttributes.length(t);
                    case "is_signed" -> TypeAttributes.isSigned(t) ? "True" : "False";
                    case "byteorder" -> TypeAttributes.byteOrder(t);
                    case "type" -> org.jdrgn.types.CTypePrinter.definition(TypeAttributes.underlying(t));
                    default -> throw new IllegalArgumentException(a);
                });
                if ("None".equals(want)) want = "null";
                assertEquals(want, ours, name + "." + a);
                compared++;
            }
        }
        assertEquals(TYPES.size() * ATTRS.size(), compared);
    }

    @Test
    void taggedValuesAndKernelOnlyHelpers() {
        Object[] big = (Object[]) ObjectOps.tagged(new BigInteger("18446744073709551615"));
        assertEquals(List.of("int", "18446744073709551615"), List.of(big));
        assertEquals(1.5, ObjectOps.tagged(1.5));
        assertEquals(List.of("float", 1.5), List.of((Object[]) ObjectOps.tagged(1.5, true)));
        Object[] dict = (Object[]) ObjectOps.tagged(global("g_rect").value(), true);
        assertEquals("dict", dict[0]);
        assertEquals(ObjectOps.memberNames(global("g_rect")), List.of((Object[]) dict[1]));
        var e = assertThrows(org.jdrgn.error.ValueErrorException.class, () -> KernelHelpers.perCpu(prog, global("g_int"), 0));
        assertEquals("per_cpu() is only available for the Linux kernel", e.getMessage());
        assertTrue(ObjectOps.memberNames(global("g_int")).isEmpty());
    }
}
