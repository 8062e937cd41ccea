package org.jdrgn.lang.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.jdrgn.program.load.DumpLoader;
import org.jdrgn.program.DebugInfoOptions;
import org.jdrgn.program.Program;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * drgn API after 0.0.22 on a real userspace core: AbsenceReason of frame variables,
 * Object(absence_reason=), read_c_string, core_dump_path, language, and the default program
 * of the common helpers. Expected values from gdb's view of the same core (testcores/oracle).
 */
@Tag("slow")
class NewApiUserspaceTest {
    private static final String CORE = "threads_O2-dw5-pie.gcore";

    private static Program open() throws IOException {
        Program prog = new Program(null);
        DumpLoader.open(prog, TestCores.core(CORE), new DebugInfoOptions(List.of(TestCores.binaryFor(CORE)), false, false), w -> { });
        return prog;
    }

    @Test
    void newApiOnUserspaceCore() throws IOException {
        Program prog = open();
        String out = PythonHarness.out(prog, """
                import drgn
                from drgn import AbsenceReason, Object, Language, NoDefaultProgramError
                from drgn.helpers.common.memory import identify_address
                main = prog.crashed_thread().stack_trace()[1]
                # gdb: main (argc=<optimized out>, argv=<optimized out>), w = <optimized out>, sum = <optimized out>
                for n in ('argc', 'argv', 'w', 'sum', 'names'):
                    print(n, main[n].absence_reason_)
                o = Object(prog, 'int', absence_reason=AbsenceReason.NOT_IMPLEMENTED)
                print(repr(o), o.absent_, Object(prog, 'int').absence_reason_, Object(prog, 'int', 1).absence_reason_)
                # gdb: tc_checkpoint (where=where@entry=0x555555556041 "all-blocked")
                where = prog.crashed_thread().stack_trace()[0]['where']
                print(prog.read_c_string(where), prog.read_c_string(where, max_size=3), prog.read_c_string(where, max_size=0))
                try:
                    prog.read_c_string(8)
                except drgn.FaultError as e:
                    print('FaultError', hex(e.address))
                print(prog.core_dump_path == %s, prog.language == Language.C)
                prog.language = Language.CPP
                print(prog.language.name)
                drgn.set_default_prog(None)
                try:
                    identify_address(main['names'][0].value_())
                except NoDefaultProgramError:
                    print('no default')
                drgn.set_default_prog(prog)
                fn = prog.function('main')
                print(identify_address(fn.address_), identify_address(fn.address_of_()) == identify_address(prog, fn.address_))
                """.formatted("'" + TestCores.core(CORE) + "'"));
        assertEquals("""
                argc AbsenceReason.OPTIMIZED_OUT
                argv AbsenceReason.OPTIMIZED_OUT
                w AbsenceReason.OPTIMIZED_OUT
                sum AbsenceReason.OPTIMIZED_OUT
                names None
                Object(prog, 'int', absence_reason=AbsenceReason.NOT_IMPLEMENTED) True AbsenceReason.OTHER None
                b'all-blocked' b'all' b''
                FaultError 0x8
                True True
                C++
                no default
                function symbol: main+0x0 True
                """, out);
    }
}
