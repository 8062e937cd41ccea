package org.jdrgn.unwind;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.stream.Stream;
import org.jdrgn.program.Module;
import org.jdrgn.program.ProgramThread;
import org.jdrgn.testcores.TestCores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With only the executable and the stripped libc.so.6 given (-s, no default search, so no
 * libc debug file), every trace is the same as with full debug info: libc's own .eh_frame
 * carries its CFI. (drgn 0.0.22 given the same two files stops after frame 0 in the futex
 * waits of threads_O0-dw5-pie.abort and repeats one bogus frame up to 1024 in the aborting
 * thread.)
 */
class WithoutDebugInfoTest {
    static Stream<String> cores() { return TestCores.list().stream(); }

    @ParameterizedTest
    @MethodSource("cores")
    void libcEhFrameSuffices(String core) {
        LoadedCore full = LoadedCore.open(core);
        LoadedCore bare = LoadedCore.withOnly(core, TestCores.core(core), List.of(TestCores.binaryFor(core), LoadedCore.LIBC));
        for (Module m : bare.program().target().loadedModules().orElseThrow().modules()) {
            if (m.name().endsWith("libc.so.6")) {
                assertTrue(m.loadedFile().isPresent(), m.toString());
                assertTrue(m.debugFile().isEmpty(), "libc debug info should not be found: " + m);
            }
        }
        for (ProgramThread t : full.program().threads()) {
            StackTrace a = full.unwinder().unwind(t);
            StackTrace b = bare.unwinder().unwind(bare.program().thread(t.tid()));
            assertEquals(a.pcs(), b.pcs(), core + " thread " + t.tid());
            assertEquals(a.stopReason(), b.stopReason(), core + " thread " + t.tid());
            assertTrue(b.frames().stream().skip(1).allMatch(f -> f.method() == UnwindMethod.CFI), b.frames().toString());
        }
    }
}
