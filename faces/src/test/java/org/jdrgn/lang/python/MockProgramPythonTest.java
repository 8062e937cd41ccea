package org.jdrgn.lang.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jdrgn.program.Platform;
import org.jdrgn.program.Program;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Python face of Program on mock programs (drgn's add_memory_segment), with the
 * expected strings taken from drgn 0.0.22 on CPython (same calls, printed there).
 */
@Tag("slow")
class MockProgramPythonTest {
    private static final String SETUP = """
            import drgn
            p = drgn.Program(drgn.host_platform)
            p.add_memory_segment(0x1000, 16, lambda addr, count, offset, physical: bytes(range(offset, offset + count)))
            """;

    @Test
    void readsThroughPythonSegments() {
        // drgn 0.0.22: b'\\x04\\x05\\x06\\x07' 50462976 0xf0e0d0c0b0a0908
        assertEquals("b'\\x04\\x05\\x06\\x07' 50462976 0xf0e0d0c0b0a0908\n", PythonHarness.out(null, SETUP
                + "print(p.read(0x1004, 4), p.read_u32(0x1000), hex(p.read_word(0x1008)))"));
    }

    @Test
    void faultErrorCarriesUnsignedAddress() {
        // drgn 0.0.22: FaultError('could not find memory segment', 18446744073709551615)
        assertEquals("could not find memory segment: 0xffffffffffffffff|18446744073709551615|"
                + "FaultError('could not find memory segment', 18446744073709551615)|True\n",
                PythonHarness.out(null, SETUP + """
                        try:
                            p.read(2**64 - 1, 4)
                        except drgn.FaultError as e:
                            print(e, e.address, repr(e), isinstance(e, Exception), sep='|')
                        """));
    }

    @Test
    void readPastSegmentEndFaultsAtFirstMissingByte() {
        // drgn 0.0.22: could not find memory segment: 0x1010
        assertEquals("could not find memory segment: 0x1010\n", PythonHarness.out(null, SETUP + """
                try:
                    p.read(0x100c, 8)
                except drgn.FaultError as e:
                    print(e)
                """));
    }

    @Test
    void lookupsRaiseDrgnsErrors() {
        // drgn 0.0.22 messages for an empty program
        assertEquals("""
                LookupError could not find symbol containing 0x1000
                LookupError could not find symbol with name 'x'
                LookupError thread with ID 1 not found
                Exception crashed thread not found
                FaultError could not find memory segment: 0x1000
                []
                """, PythonHarness.out(null, SETUP + """
                for f in (lambda: p.symbol(0x1000), lambda: p.symbol("x"), lambda: p.thread(1),
                          lambda: p.crashed_thread(), lambda: p.read(0x1000, 4, True)):
                    try:
                        f()
                    except Exception as e:
                        print(type(e).__name__, e)
                print(list(p.threads()))
                """));
    }

    @Test
    void platformAndIdentity() {
        assertEquals("Platform(<Architecture.X86_64: 1>, <PlatformFlags.IS_64_BIT|IS_LITTLE_ENDIAN: 3>)\n"
                + "True True 26 Register(('rax',)) Register(('gs.base',))\n",
                PythonHarness.out(null, SETUP + """
                        print(repr(p.platform))
                        r = p.platform.registers
                        print(isinstance(p, drgn.Program), p.platform == drgn.host_platform, len(r), r[0], r[-1])
                        """));
    }

    @Test
    void programWithoutPlatformCannotRead() {
        // drgn 0.0.22: ValueError: program address size is not known
        assertEquals("ValueError: program address size is not known",
                PythonHarness.run(null, "import drgn\ndrgn.Program().read(0x10, 4)").error());
    }

    @Test
    void addressesPastSixtyFourBitsOverflow() {
        assertEquals("OverflowError: int too big to convert",
                PythonHarness.run(new Program(Platform.X86_64), "prog.read(2**64, 1)").error());
    }

    @Test
    void filenameMatchesByPathSuffix() {
        assertEquals("True True True False True False\n", PythonHarness.out(null, """
                from drgn import filename_matches as m
                print(m('/usr/include/stdio.h', 'stdio.h'), m('/usr/include/stdio.h', 'include/stdio.h'),
                      m('/usr/include/stdio.h', '/usr/include/stdio.h'), m('/usr/include/stdio.h', 'io.h'),
                      m('a.c', None), m(None, 'a.c'))
                """));
    }
}
