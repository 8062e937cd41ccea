package org.jdrgn.lang.js;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdrgn.program.Platform;
import org.jdrgn.program.Program;
import org.jdrgn.program.ProgramThread;
import org.jdrgn.elf.Symbol;
import org.jdrgn.elf.SymbolBinding;
import org.jdrgn.elf.SymbolKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The JS face of Program on mock programs built in Java with addMemorySegment. Expected
 * values are what drgn 0.0.22 on CPython prints for the same program and calls.
 */
@Tag("slow")
class MockProgramJsTest {
    static final long HIGH = 0xffffffffffff0000L;

    /** 0x1000..0x100f holds bytes 0..15; HIGH..HIGH+7 holds the u64 HIGH (little-endian). */
    static Program mock() {
        Program p = new Program(Platform.X86_64);
        p.addMemorySegment(0x1000, 16, (addr, count, offset, phys) -> range((int) offset, count), false);
        p.addMemorySegment(HIGH, 8, (addr, count, offset, phys) -> {
            byte[] le = new byte[8];
            for (int i = 0; i < 8; i++) le[i] = (byte) (HIGH >>> (8 * i));
            return java.util.Arrays.copyOfRange(le, (int) offset, (int) offset + count);
        }, false);
        return p;
    }

    static byte[] range(int from, int count) {
        byte[] b = new byte[count];
        for (int i = 0; i < count; i++) b[i] = (byte) (from + i);
        return b;
    }

    @Test
    void readsMatchDrgn() {
        // drgn 0.0.22: 0xffffffffffff0000 0xffffffffffff0000 04050607 3 770 50462976 0xf0e0d0c0b0a0908
        assertEquals("0xffffffffffff0000 0xffffffffffff0000 04050607 3 770 50462976 0xf0e0d0c0b0a0908\n",
                JsHarness.out(mock(), """
                        const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
                        console.log('0x' + prog.readU64(0xffffffffffff0000n).toString(16),
                            '0x' + prog.readWord(0xffffffffffff0000n).toString(16), hex(prog.read(0x1004, 4)),
                            prog.readU8(0x1003), prog.readU16(0x1002n), prog.readU32(0x1000), '0x' + prog.readWord(0x1008).toString(16));
                        """));
    }

    @Test
    void sixtyFourBitValuesAreExactBigInts() {
        assertEquals("bigint true true number bigint\n", JsHarness.out(mock(), """
                const v = prog.readU64(0xffffffffffff0000n);
                console.log(typeof v, v === 0xffffffffffff0000n, v === 18446744073709486080n,
                    typeof prog.readU32(0x1000), typeof prog.readWord(0x1000));
                """));
    }

    @Test
    void readReturnsAUint8ArrayOverItsOwnBuffer() {
        assertEquals("true 8 50462976 0x1f1e1d1c1b1a1918 8\n", JsHarness.out(mock(), """
                const b = prog.read(0x1000, 8);
                const d = new DataView(prog.read(0x1008, 8).buffer);
                console.log(b instanceof Uint8Array, b.length, new DataView(b.buffer).getUint32(0, true),
                    '0x' + (d.getBigUint64(0, true) + 0x1010101010101010n).toString(16), b.slice().length);
                """));
    }

    @Test
    void faultErrorIsAnErrorWithBigIntAddress() {
        // drgn 0.0.22: could not find memory segment: 0x1010 / 0x10 / 0xffffffffffffffff / 0xffffffffffff0010 (partial read)
        assertEquals("""
                FaultError true true could not find memory segment: 0x1010 4112n
                FaultError true true could not find memory segment: 0x10 16n
                FaultError true true could not find memory segment: 0xffffffffffffffff 18446744073709551615n
                FaultError true true could not find memory segment: 0xffffffffffff0008 18446744073709486088n
                """, JsHarness.out(mock(), """
                for (const [a, n] of [[0x100c, 8], [0x10, 4], [0xffffffffffffffffn, 1], [0xffffffffffff0004n, 8]]) {
                    try {
                        prog.read(a, n);
                    } catch (e) {
                        console.log(e.name, e instanceof drgn.FaultError, e instanceof Error, e.message, e.address + 'n');
                    }
                }
                """));
    }

    @Test
    void lookupsThrowDrgnsErrors() {
        // drgn 0.0.22 on an empty program: the same messages (class names: LookupError, Exception -> Error)
        assertEquals("""
                LookupError true could not find symbol containing 0x1000
                LookupError true could not find symbol with name 'x'
                LookupError true thread with ID 1 not found
                Error false crashed thread not found
                FaultError false could not find memory segment: 0x1000
                ValueError false program address size is not known
                ValueError false negative size
                0 0
                """, JsHarness.out(mock(), """
                for (const f of [() => prog.symbol(0x1000), () => prog.symbol('x'), () => prog.thread(1),
                                 () => prog.crashedThread(), () => prog.read(0x1000, 4, true),
                                 () => new drgn.Program().read(0x10, 4), () => prog.read(0x1000, -1)]) {
                    try {
                        f();
                        console.log('no error');
                    } catch (e) {
                        console.log(e.name, e instanceof drgn.LookupError, e.message);
                    }
                }
                console.log(prog.threads().length, prog.flags);
                """));
    }

    @Test
    void badArgumentsAreJsTypeAndRangeErrors() {
        assertEquals("""
                RangeError address -1 is not an unsigned integer below 2^53 (use a BigInt)
                RangeError address 18446744073709551616 does not fit in 64 bits unsigned
                RangeError address 9007199254740992 is not an unsigned integer below 2^53 (use a BigInt)
                TypeError address must be a Number or BigInt, not string
                TypeError readFn must be a function
                """, JsHarness.out(mock(), """
                for (const f of [() => prog.readU8(-1), () => prog.readU8(2n ** 64n), () => prog.readU8(2 ** 53),
                                 () => prog.readU8('0x10'), () => prog.addMemorySegment(0, 1, null)]) {
                    try { f(); } catch (e) { console.log(e.name, e.message); }
                }
                """));
    }

    @Test
    void jsMemorySegmentsAndCallbackErrors() {
        // the callback gets BigInt address/offset; its own errors reach the caller unchanged
        assertEquals("0x2004,4,0x4,false 04050000 0x10000000000000ff boom true\n", JsHarness.out(null, """
                const p = new drgn.Program(drgn.hostPlatform);
                let seen;
                p.addMemorySegment(0x2000, 16, (a, n, o, ph) => {
                    seen = ['0x' + a.toString(16), n, '0x' + o.toString(16), ph];
                    return new Uint16Array([0x504, 0]).subarray(0, n / 2);
                });
                const bytes = Array.from(p.read(0x2004, 4), (x) => x.toString(16).padStart(2, '0')).join('');
                p.addMemorySegment(0xfffffffffffffff0n, 16, (a, n, o) => Array.from({length: n}, (_, i) => i === 0 ? 0xff : i === 7 ? 0x10 : 0));
                const top = p.readU64(0xfffffffffffffff0n);
                p.addMemorySegment(0x3000, 4, () => { throw new SyntaxError('boom'); });
                let msg;
                try { p.read(0x3000, 4); } catch (e) { msg = e.message + ' ' + (e instanceof SyntaxError); }
                console.log(seen.join(), bytes, '0x' + top.toString(16), msg);
                """));
    }

    @Test
    void platformAndEnums() {
        assertEquals("""
                Platform(Architecture.X86_64, PlatformFlags.IS_64_BIT|IS_LITTLE_ENDIAN) true 26 rax gs.base
                2 FUNC 11 true
                """, JsHarness.out(mock(), """
                const r = prog.platform.registers;
                console.log(String(prog.platform), prog.platform.equals(drgn.hostPlatform), r.length, r[0].names[0], r[25].names[0]);
                console.log(drgn.SymbolKind.FUNC, drgn.SymbolKind[2], drgn.SymbolBinding.UNIQUE, Object.isFrozen(drgn.SymbolKind));
                """));
    }

    /** A Target with symbols in the top of the address space, where doubles lose bits. */
    static Program withTarget() {
        Program p = new Program(null);
        Symbol hi = new Symbol("hi", 0xffffffffffff0001L, 0x10, SymbolBinding.GLOBAL, SymbolKind.FUNC);
        Symbol lo = new Symbol("lo", 0x401000, 8, SymbolBinding.WEAK, SymbolKind.OBJECT);
        ProgramThread t1 = new ProgramThread(101, "main", Map.of());
        ProgramThread t2 = new ProgramThread(102, null, Map.of());
        p.attach(Platform.X86_64, 0, (a, d, o, l, ph) -> { throw org.jdrgn.error.FaultException.unmapped(a); },
                new Program.Target() {
                    public List<ProgramThread> threads() { return List.of(t1, t2); }
                    public Optional<ProgramThread> crashedThread() { return Optional.of(t2); }
                    public Optional<ProgramThread> mainThread() { return Optional.of(t1); }
                    public Optional<Symbol> symbolAt(long a) { return List.of(hi, lo).stream().filter(s -> s.contains(a)).findFirst(); }
                    public Optional<Symbol> symbolNamed(String n) { return List.of(hi, lo).stream().filter(s -> s.name().equals(n)).findFirst(); }
                    public List<Symbol> symbols(Object k) {
                        return k == null ? List.of(hi, lo) : List.of(hi, lo).stream()
                                .filter(s -> k instanceof Long a ? s.contains(a) : s.name().equals(k)).toList();
                    }
                });
        return p;
    }

    @Test
    void threadsAndSymbolsOfATarget() {
        assertEquals("""
                101:main 102:null | crashed 102 main 101 thread 102 null
                Symbol(name='hi', address=0xffffffffffff0001, size=0x10, binding=SymbolBinding.GLOBAL, kind=SymbolKind.FUNC) true true
                lo 0x401000 8 3 1 | 2 1 0
                """, JsHarness.out(withTarget(), """
                const ts = prog.threads();
                console.log(ts.map((t) => `${t.tid}:${t.name}`).join(' '), '| crashed', prog.crashedThread().tid,
                    'main', prog.mainThread().name === 'main' ? prog.mainThread().tid : '?', 'thread', prog.thread(102).tid, prog.thread(102n).name);
                const hi = prog.symbol(0xffffffffffff0010n);
                console.log(String(hi), hi.address === 0xffffffffffff0001n, hi.equals(prog.symbol('hi')));
                const lo = prog.symbol('lo');
                console.log(lo.name, '0x' + lo.address.toString(16), lo.size, lo.binding, lo.kind, '|',
                    prog.symbols().length, prog.symbols(0x401007).length, prog.symbols('nope').length);
                """));
    }

    @Test
    void uncaughtErrorPrintsNameMessageAndStack() {
        JsHarness.Result r = JsHarness.code(mock(), "function f() { return prog.readU8(0x10); }\nf();\n");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("error: FaultError: could not find memory segment: 0x10\n    at f (<test>:1"), r.err());
        assertTrue(r.err().contains("at <test>:2"), r.err());
        JsHarness.Result bad = JsHarness.code(mock(), "prog.readU8(-1);\n");
        assertEquals("error: RangeError: address -1 is not an unsigned integer below 2^53 (use a BigInt)\n"
                + "    at <test>:1:6\n", bad.err());
    }

    @Test
    void callbackReturningTheWrongLengthIsAValueError() {
        // drgn 0.0.22: ValueError: memory read callback returned buffer of length 2 (expected 4)
        assertEquals("ValueError memory read callback returned buffer of length 2 (expected 4)\n", JsHarness.out(null, """
                const p = new drgn.Program(drgn.hostPlatform);
                p.addMemorySegment(0, 16, () => [1, 2]);
                try { p.read(0, 4); } catch (e) { console.log(e.name, e.message); }
                """));
    }

    @Test
    void argvAndExitStatus() {
        JsHarness.Result r = JsHarness.code(null, """
                console.log(scriptArgs.join(), process.argv.join(), typeof prog);
                process.exit(3);
                console.log('not reached');
                """);
        assertEquals("<test> jdrgn,<test> undefined\n", r.out());
        assertEquals(3, r.status());
        assertEquals(1, JsHarness.code(null, "let x = ;").status());
    }
}
