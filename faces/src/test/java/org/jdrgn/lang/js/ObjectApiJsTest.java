package org.jdrgn.lang.js;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdrgn.program.load.DumpLoader;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.Program;
import org.jdrgn.testcores.OracleFacts;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The JS Object/Type/StackTrace API itself on a committed userspace core (values, errors,
 * operators as methods, proxies, conversions), each answer checked against what drgn 0.0.22
 * printed for that core (its drgn.txt and basics.tsv).
 */
@Tag("slow")
class ObjectApiJsTest {
    private static final String CORE = "types_O0-dw5-pie.gcore";
    private static Program prog;
    private static String drgnText;
    private static OracleFacts basics;

    @BeforeAll
    static void open() throws Exception {
        TestCores.materializeRunTree();
        prog = new Program(null);
        DumpLoader.open(prog, TestCores.core(CORE), DebugInfoOptions.DEFAULT, w -> { });
        drgnText = Files.readString(TestCores.oracleFile(CORE, "drgn.txt"));
        basics = TestCores.oracle(CORE, "basics");
    }

    /** Runs JS that prints "key<TAB>value" lines; returns them as a map. */
    private static Map<String, String> run(String js) {
        String out = JsHarness.out(prog, "const say = (k, v) => console.log(k + '\\t' + String(v).replaceAll('\\n', '\\\\n'));\n"
                + "const name = (f) => { try { return String(f()); } catch (e) { return e.name + ': ' + e.message; } };\n" + js);
        Map<String, String> m = new LinkedHashMap<>();
        out.lines().forEach(l -> {
            String[] kv = l.split("\t", 2);
            m.put(kv[0], kv.length > 1 ? kv[1] : "");
        });
        return m;
    }

    /** The value drgn printed for a one-line oracle entry "label = value". */
    private static String drgn(String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(label) + " = (.*)$").matcher(drgnText);
        assertTrue(m.find(), label);
        return m.group(1);
    }

    private static String afterCast(String s) { return s.substring(s.indexOf(')') + 1); }

    @Test
    void valuesAndConversions() {
        Map<String, String> r = run("""
                const i = prog.get('g_int');
                say('str', i);
                say('template', `${i}`);
                say('value', i.value_());
                say('valueType', typeof i.value_());
                say('plus1n', i + 1n);
                say('llong', prog.get('g_llong').value_());
                say('float', prog.get('g_float').value_());
                say('floatType', typeof prog.get('g_float').value_());
                say('bool', prog.get('g_bool').value_());
                say('row1', JSON.stringify(prog.get('g_matrix')[1].value_(), (k, v) => typeof v === 'bigint' ? Number(v) : v));
                say('row1iter', [...prog.get('g_matrix')[1]].map((x) => x.int_()).join(','));
                say('rectTlX', prog.get('g_rect').value_().tl.x);
                say('rectTlXMember', prog.get('g_rect').tl.x);
                say('rectHas', ['tl' in prog.get('g_rect'), 'zz' in prog.get('g_rect')]);
                say('string', prog.get('g_str').string_());
                say('addressOf', prog.get('g_str').addressOf_().value_() === prog.get('g_str').address_);
                say('absent', prog.get('g_int').absent_);
                say('repr', prog.get('g_int').repr_());
                """);
        String gInt = drgn("prog['g_int']");                      // (int)42
        assertEquals(gInt, r.get("str"));
        assertEquals(gInt, r.get("template"));
        assertEquals(afterCast(gInt), r.get("value"));
        assertEquals("bigint", r.get("valueType"));
        assertEquals(String.valueOf(Long.parseLong(afterCast(gInt)) + 1), r.get("plus1n"));
        assertEquals(afterCast(drgn("prog['g_llong']")), r.get("llong"));
        assertEquals(afterCast(drgn("prog['g_float']")), r.get("float"));
        assertEquals("number", r.get("floatType"));
        assertEquals("1".equals(afterCast(drgn("prog['g_bool']"))) ? "true" : "false", r.get("bool"));
        // (int [3][4]){ { 0, 1, 2, 3 }, { 10, 11, 12, 13 }, ... }
        String row1 = drgn("prog['g_matrix']").split("\\{ ")[3].split(" }")[0].replace(" ", "");
        assertEquals("[" + row1 + "]", r.get("row1"));
        assertEquals(row1, r.get("row1iter"));
        Matcher x = Pattern.compile("\\.x = \\(int\\)(-?\\d+)").matcher(drgnText.substring(drgnText.indexOf("prog['g_rect']")));
        assertTrue(x.find());
        assertEquals(x.group(1), r.get("rectTlX"));
        assertEquals("(int)" + x.group(1), r.get("rectTlXMember"));
        assertEquals("true,false", r.get("rectHas"));
        assertEquals(afterCast(drgn("prog['g_str']")).replace("\"", ""), r.get("string"));
        assertEquals("true", r.get("addressOf"));
        assertEquals("false", r.get("absent"));
        assertEquals("Object(prog, 'int', address=0x" + Long.toHexString(prog.object("g_int", 7, null).address()) + ")", r.get("repr"));
    }

    @Test
    void arithmeticAndComparisons() {
        Map<String, String> r = run("""
                const m = prog.get('g_matrix');
                say('diff', m[2][3].addressOf_().sub_(m[0][0].addressOf_()));
                say('add', prog.get('g_int').add_(1));
                say('radd', prog.get('g_int').mul_(2n));
                say('neg', prog.get('g_int').neg_());
                say('eq', [prog.get('g_int').eq_(prog.get('g_int').value_()), prog.get('g_int').ne_(0), prog.get('g_int').lt_(0)]);
                say('ptrEq', prog.get('g_int').addressOf_().eq_(prog.get('g_int').addressOf_()));
                say('truth', [prog.get('g_int').truth_(), prog.get('g_null').truth_()]);
                say('cast', drgn.cast('long', prog.get('g_color')));
                say('sizeof', drgn.sizeof(prog.get('g_matrix')));
                say('bad', name(() => prog.get('g_int').add_('x')));
                """);
        long cols = Long.parseLong(drgn("sizeof(g_matrix)")) / 4 / 3;          // int [3][4]
        assertEquals("(ptrdiff_t)" + (2 * cols + 3), r.get("diff"));
        long v = Long.parseLong(afterCast(drgn("prog['g_int']")));
        assertEquals("(int)" + (v + 1), r.get("add"));
        assertEquals("(int)" + (v * 2), r.get("radd"));
        assertEquals("(int)" + -v, r.get("neg"));
        assertEquals("true,true,false", r.get("eq"));
        assertEquals("true", r.get("ptrEq"));
        assertTrue(drgn("prog['g_null']").endsWith("0x0"), drgn("prog['g_null']"));
        assertEquals("true,false", r.get("truth"));
        assertEquals(drgn("cast(long, g_color)"), r.get("cast"));
        assertEquals(drgn("sizeof(g_matrix)"), r.get("sizeof"));
        assertEquals("TypeError: unsupported operand type for +: 'string'", r.get("bad"));
    }

    @Test
    void errorsAreDrgnsClasses() {
        Map<String, String> r = run("""
                const cls = (f) => { try { f(); return 'none'; } catch (e) {
                    return [e.name, e instanceof drgn.LookupError, e instanceof Error, e.message].join('|'); } };
                say('key', cls(() => prog.get('no_such_global')));
                say('member', cls(() => prog.get('g_rect').no_such_member));
                say('absent', cls(() => new drgn.Object(prog, 'int').value_()));
                const f = (() => { try { new drgn.Object(prog, 'int', { address: 0x10 }).value_(); } catch (e) { return e; } })();
                say('faultClass', f instanceof drgn.FaultError);
                say('faultMessage', f.message);
                say('faultAddress', '0x' + f.address.toString(16));
                say('kernelOnly', cls(() => drgn.perCpu(prog.get('g_int'), 0)));
                say('frameKey', cls(() => prog.crashedThread().stackTrace().at(0).get('no_such_variable')));
                say('immutable', cls(() => { 'use strict'; prog.get('g_rect').tl = 1; }));
                say('typeName', cls(() => prog.type('struct item').name));
                """);
        assertEquals("KeyError|true|true|no_such_global", r.get("key"));
        assertTrue(r.get("member").startsWith("LookupError|true|true|"), r.get("member"));
        assertTrue(r.get("absent").startsWith("ObjectAbsentError|false|true|"), r.get("absent"));
        assertEquals("true", r.get("faultClass"));
        assertEquals(basics.get("fault@0x10.message"), r.get("faultMessage"));
        assertEquals(basics.get("fault@0x10.address"), r.get("faultAddress"));
        assertEquals("ValueError|false|true|per_cpu() is only available for the Linux kernel", r.get("kernelOnly"));
        assertEquals("KeyError|true|true|no_such_variable", r.get("frameKey"));
        assertTrue(r.get("immutable").startsWith("TypeError|"), r.get("immutable"));
        assertEquals("Error|false|true|struct type does not have a name", r.get("typeName"));
    }

    @Test
    void types() {
        Map<String, String> r = run("""
                const t = prog.type('struct item');
                say('str', t);
                say('kind', drgn.TypeKind[t.kind]);
                say('tag', t.tag);
                say('size', t.size);
                say('members', t.members.map((m) => m.name).join(','));
                say('nodeOffset', t.member('node').offset);
                say('nodeType', t.member('node').type.typeName());
                say('int', [prog.type('int').name, prog.type('int').isSigned, prog.type('int').size]);
                say('objType', prog.get('g_uid').type_.typeName());
                say('ptrTarget', prog.type('struct item *').type.equals(t));
                say('enumerators', prog.type('enum color').enumerators.map((e) => e.name + '=' + e.value).join(','));
                """);
        String def = drgnText.substring(drgnText.indexOf("type 'struct item' =\n") + "type 'struct item' =\n".length());
        def = String.join("\n", def.lines().takeWhile(l -> l.startsWith("    ")).map(l -> l.substring(4)).toList());
        assertEquals(def.replace("\n", "\\n"), r.get("str"));
        assertEquals("STRUCT", r.get("kind"));
        assertEquals("item", r.get("tag"));
        assertEquals(drgn("sizeof(struct item)"), r.get("size"));
        // member names as drgn's definition lists them: "user_id_t id;", "char name[12];", ...
        List<String> names = def.lines().filter(l -> l.startsWith("\t"))
                .map(l -> l.replaceAll("\\[.*\\]", "").replace(";", "").replaceAll(".*[ *]", "")).toList();
        assertEquals(String.join(",", names), r.get("members"));
        assertEquals(drgn("offsetof(struct item, node)"), r.get("nodeOffset"));
        assertEquals("struct list_head", r.get("nodeType"));
        assertEquals("int,true,4", r.get("int"));
        assertEquals(drgn("g_uid type qualified_type"), r.get("objType"));
        assertEquals("true", r.get("ptrTarget"));
        // (TypeEnumerator('RED', 0), TypeEnumerator('GREEN', 5), ...)
        assertEquals(drgn("enum color enumerators").replaceAll("TypeEnumerator\\('(\\w+)', (-?\\d+)\\)", "$1=$2")
                .replaceAll("[() ]", ""), r.get("enumerators"));
    }

    @Test
    void stackTraces() {
        Map<String, String> r = run("""
                const t = prog.crashedThread();
                say('byThread', t.stackTrace());
                say('same', [String(prog.stackTrace(t.tid)), String(prog.stackTrace(BigInt(t.tid))), String(prog.stackTrace(t))]
                    .every((s) => s === String(t.stackTrace())));
                const f = t.stackTrace().at(0);
                say('frame0', [f.name, f.isInline, '0x' + f.pc.toString(16), f.symbol().name, f.source().join(':')].join(' '));
                say('locals', f.locals().join(','));
                say('var', f.locals().map((n) => n + ' = ' + f.get(n).format_({ dereference: false })).join(';'));
                say('has', [f.has(f.locals()[0]), f.has('no_such_variable')]);
                say('rsp', '0x' + f.registers().rsp.toString(16) + ' ' + (f.sp === f.register('rsp')));
                """);
        // the crashed thread's section of drgn.txt: str(trace), then "--- frame #0 ..." and its variables
        String tid = drgn("crashed_thread().tid");
        String section = drgnText.substring(drgnText.indexOf("======== thread " + tid + " ========\n"));
        section = section.substring(section.indexOf('\n') + 1);
        String trace = section.substring(0, section.indexOf("\n--- frame #0"));
        // drgn 0.0.22's last "???" frame (past the outermost one) is the engine's documented
        // difference (unwind.FrameTraceOracleTest)
        trace = trace.replaceFirst("\n#\\d+ +\\?\\?\\?$", "");
        assertEquals(trace.replace("\n", "\\n"), r.get("byThread"));
        assertEquals("true", r.get("same"));
        Matcher h = Pattern.compile("--- frame #0 name=(\\S+) inline=(\\w+) interrupted=\\w+ pc=(\\S+) symbol=(\\S+) src=(\\S+)")
                .matcher(section);
        assertTrue(h.find());
        assertEquals(h.group(1) + " " + h.group(2).toLowerCase() + " " + h.group(3) + " " + h.group(4) + " " + h.group(5), r.get("frame0"));
        Matcher regs = Pattern.compile("regs: rip=\\S+ rsp=(\\S+)").matcher(section);
        assertTrue(regs.find());
        assertEquals(regs.group(1) + " true", r.get("rsp"));
        // frame #0's variables as drgn printed them (one-line values)
        List<String> vars = section.substring(section.indexOf("\n", section.indexOf("regs:")) + 1).lines()
                .takeWhile(l -> l.startsWith("    ")).map(String::strip).toList();
        List<String> ours = List.of(r.get("var").split(";"));
        assertEquals(vars.size(), ours.size(), r.get("var"));
        for (int i = 0; i < vars.size(); i++) {
            // a string in .rodata the core omits: drgn stops at the pointer, jdrgn reads the
            // binary as gdb does (the engine's documented difference, program.ObjectsOracleTest)
            String d = vars.get(i), o = ours.get(i);
            assertTrue(o.equals(d) || o.startsWith(d + " = \""), "drgn: " + d + " / js: " + o);
        }
        assertEquals(String.join(",", vars.stream().map(v -> v.substring(0, v.indexOf(" = "))).toList()), r.get("locals"));
        assertEquals("true,false", r.get("has"));
    }
}
